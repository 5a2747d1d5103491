package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import dev.xct.core.journal.Verification;
import dev.xct.core.journal.Verification.Kind;
import dev.xct.core.journal.Verification.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Walks the segments of a journal in order and checks the hash chain: each record's hash matches
 * its bytes, its signature matches when a key is given, its sequence number is the next one and its
 * previous-hash is its predecessor's hash. Stops at the first problem. Records before the first
 * segment walked (removed by retention, or before the part a reader needs) are not required; a
 * chain starting at 1 must start from the genesis hash. A reader can see every verified record as
 * it passes ({@link #walk}). Stateless apart from one walk; not thread-safe.
 */
public final class ChainVerifier {
  private final RecordCodec codec;
  private final boolean checkSignatures;
  private final List<Verification.TornTail> torn = new ArrayList<>();
  private long expected = -1;
  private String lastHash;
  private long records;
  private Verification.Head anchor;
  private boolean anchorSeen;
  private List<Path> files = List.of();
  private int current;
  private Consumer<RecordCodec.Decoded> verified = record -> {};

  /** Verifies with {@code codec}; signatures are checked only if the codec has a key. */
  public ChainVerifier(RecordCodec codec) {
    this.codec = codec;
    this.checkSignatures = codec.signed();
  }

  /** Verifies the segments of {@code dir}; {@code anchor}, if given, must be reached and match. */
  public Verification verify(Path dir, Verification.Head anchor) {
    return walk(Segments.list(dir), anchor, record -> {});
  }

  /**
   * Verifies {@code files}, in order, and hands each record that chains correctly to {@code
   * verified} before looking at the next; stops at the first problem.
   */
  public Verification walk(
      List<Path> files, Verification.Head anchor, Consumer<RecordCodec.Decoded> verified) {
    this.anchor = anchor;
    this.files = files;
    this.verified = verified;
    Problem problem = null;
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      if (expected < 0) {
        expected = Segments.firstSeq(file);
      }
      current = f;
      problem = segment(Segments.read(file));
      if (problem != null) {
        break;
      }
    }
    if (problem == null && anchor != null && !anchorSeen) {
      problem =
          new Problem(
              Kind.TRUNCATED,
              "",
              0,
              Math.max(expected, 1),
              "the journal ends at record "
                  + (expected - 1)
                  + " but the expected head is record "
                  + anchor.seq());
    }
    Optional<Verification.Head> head =
        lastHash == null
            ? Optional.empty()
            : Optional.of(new Verification.Head(expected - 1, lastHash));
    return new Verification(records, Optional.ofNullable(problem), torn, head);
  }

  private Problem segment(Segments.Content content) {
    for (int i = 0; i < content.lines(); i++) {
      Problem problem = line(content, i);
      if (problem != null) {
        return problem;
      }
    }
    if (content.tornAt() >= 0) {
      torn.add(
          new Verification.TornTail(
              content.name(),
              content.lines() + 1L,
              content.tornAt(),
              content.bytes().length - (long) content.tornAt()));
    }
    return null;
  }

  private Problem line(Segments.Content content, int i) {
    String name = content.name();
    long lineNumber = i + 1L;
    RecordCodec.Decoded record = decode(content, i);
    if (record == null) {
      return new Problem(Kind.MALFORMED, name, lineNumber, expected, "not a journal record");
    }
    if (!record.hashMatches()) {
      return new Problem(
          Kind.CHANGED, name, lineNumber, expected, "the record no longer matches its hash");
    }
    if (checkSignatures && !codec.signatureMatches(record)) {
      return new Problem(
          Kind.BAD_SIGNATURE,
          name,
          lineNumber,
          expected,
          record.mac() == null ? "the record is not signed" : "the record's signature is wrong");
    }
    if (record.seq() > expected) {
      boolean later = appearsLater(content, i + 1, expected) || appearsInLaterSegment(expected);
      return new Problem(
          later ? Kind.OUT_OF_ORDER : Kind.MISSING,
          name,
          lineNumber,
          expected,
          later
              ? "record " + expected + " comes after record " + record.seq()
              : "records " + expected + " to " + (record.seq() - 1) + " are missing");
    }
    if (record.seq() < expected) {
      return new Problem(
          Kind.INSERTED,
          name,
          lineNumber,
          expected,
          "a second record " + record.seq() + " appears where record " + expected + " belongs");
    }
    String wantedPrev = lastHash != null ? lastHash : expected == 1 ? RecordCodec.GENESIS : null;
    if (wantedPrev != null && !wantedPrev.equals(record.prev())) {
      long changed = expected - 1;
      return new Problem(
          Kind.CHANGED,
          name,
          lineNumber,
          changed,
          "record " + expected + " does not chain to record " + changed + ": one was replaced");
    }
    if (anchor != null && anchor.seq() == record.seq()) {
      anchorSeen = true;
      if (!anchor.hash().equals(record.hash())) {
        return new Problem(
            Kind.CHANGED, name, lineNumber, expected, "the record differs from the expected head");
      }
    }
    lastHash = record.hash();
    expected++;
    records++;
    verified.accept(record);
    return null;
  }

  private boolean appearsLater(Segments.Content content, int from, long seq) {
    for (int j = from; j < content.lines(); j++) {
      RecordCodec.Decoded other = decode(content, j);
      if (other != null && other.seq() == seq) {
        return true;
      }
    }
    return false;
  }

  /** Looks for record {@code seq} in the segments after the current one (only on a problem). */
  private boolean appearsInLaterSegment(long seq) {
    for (int f = current + 1; f < files.size(); f++) {
      if (appearsLater(Segments.read(files.get(f)), 0, seq)) {
        return true;
      }
    }
    return false;
  }

  private RecordCodec.Decoded decode(Segments.Content content, int i) {
    try {
      return codec.decode(content.bytes(), content.starts()[i], content.ends()[i]);
    } catch (XctException e) {
      return null;
    }
  }
}
