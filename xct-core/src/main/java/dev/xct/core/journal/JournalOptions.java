package dev.xct.core.journal;

import dev.xct.core.XctException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures a {@link FileJournal}: when records are forced to disk, whether the hash chain is
 * signed, how large a segment file may grow, and which head the chain must reach when it is opened.
 *
 * <p>Immutable and thread-safe. Start from {@link #defaults()} or {@link #builder()}.
 */
public final class JournalOptions {
  /** The default segment size: 64 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  private static final JournalOptions DEFAULTS = builder().build();

  private final Durability durability;
  private final byte[] signingKey;
  private final long segmentBytes;
  private final Verification.Head expectedHead;

  private JournalOptions(Builder builder) {
    this.durability = builder.durability;
    this.signingKey = builder.signingKey;
    this.segmentBytes = builder.segmentBytes;
    this.expectedHead = builder.expectedHead;
  }

  /** Returns the defaults: {@link Durability#FORCE}, unsigned, 64 MiB segments. */
  public static JournalOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns when records are forced to disk. */
  public Durability durability() {
    return durability;
  }

  /** Returns a copy of the HMAC-SHA256 key that signs every record's hash, if one is set. */
  public Optional<byte[]> signingKey() {
    return Optional.ofNullable(signingKey).map(byte[]::clone);
  }

  /** Returns the size past which the journal starts a new segment file. */
  public long segmentBytes() {
    return segmentBytes;
  }

  /** Returns the head the chain must reach, intact, when the journal is opened, if one is set. */
  public Optional<Verification.Head> expectedHead() {
    return Optional.ofNullable(expectedHead);
  }

  /** Returns a builder holding these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.durability = durability;
    builder.signingKey = signingKey;
    builder.segmentBytes = segmentBytes;
    builder.expectedHead = expectedHead;
    return builder;
  }

  @Override
  public String toString() {
    return "JournalOptions["
        + durability
        + (signingKey == null ? ", unsigned" : ", signed")
        + ", segments of "
        + segmentBytes
        + " bytes]";
  }

  /** Configures {@link JournalOptions}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private Durability durability = Durability.FORCE;
    private byte[] signingKey;
    private long segmentBytes = DEFAULT_SEGMENT_BYTES;
    private Verification.Head expectedHead;

    private Builder() {}

    /** Sets when records are forced to disk (default {@link Durability#FORCE}). */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability");
      return this;
    }

    /**
     * Signs every record's chain hash with HMAC-SHA256 under {@code key}, so that someone who can
     * rewrite the whole journal, but does not hold the key, is detected by {@link
     * FileJournal#verify}. Keep the key outside the journal's directory.
     *
     * @throws XctException if the key is shorter than 16 bytes
     */
    public Builder signingKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      if (key.length < 16) {
        throw new XctException("a signing key needs at least 16 bytes, got " + key.length);
      }
      this.signingKey = Arrays.copyOf(key, key.length);
      return this;
    }

    /**
     * Sets the size past which a new segment file is started (default 64 MiB).
     *
     * @throws XctException if less than 4096
     */
    public Builder segmentBytes(long bytes) {
      if (bytes < 4096) {
        throw new XctException("segments must allow at least 4096 bytes, was: " + bytes);
      }
      this.segmentBytes = bytes;
      return this;
    }

    /**
     * Requires the chain to reach {@code head} (from {@link Verification#head()} of an earlier
     * {@link FileJournal#verify()}, kept somewhere the journal's writer cannot change) intact:
     * opening the journal then verifies the whole chain and refuses, with {@link
     * JournalDamagedException}, one that was cut off before the head or changed up to it. Resume on
     * such a journal cannot be fooled by records removed from the end.
     */
    public Builder expectedHead(Verification.Head head) {
      this.expectedHead = Objects.requireNonNull(head, "head");
      return this;
    }

    /** Returns the immutable options. */
    public JournalOptions build() {
      return new JournalOptions(this);
    }
  }
}
