package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import dev.xct.core.journal.Durability;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends chained records to the active segment, rolls to a new segment when it is full, and makes
 * records durable as {@link Durability} says. After any I/O failure the log refuses every further
 * append (fail closed): a half-written line is then the last thing in its segment, where readers
 * treat it as torn. Thread-safe.
 */
public final class SegmentLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);

  private final Path dir;
  private final RecordCodec codec;
  private final Durability durability;
  private final long segmentBytes;
  private final GroupCommit group = new GroupCommit();
  private final Object writeLock = new Object();
  private FileChannel channel;
  private long channelSize;
  private long nextSeq;
  private String lastHash;
  private boolean appendToLast;
  private Path lastSegment;
  private IOException failure;

  /**
   * Prepares to continue the chain after record {@code lastSeq} with hash {@code lastHash}. If
   * {@code lastSegment} is non-null and ends cleanly, appends go there; otherwise to a new segment.
   */
  public SegmentLog(
      Path dir,
      RecordCodec codec,
      Durability durability,
      long segmentBytes,
      long lastSeq,
      String lastHash,
      Path lastSegment) {
    this.dir = dir;
    this.codec = codec;
    this.durability = durability;
    this.segmentBytes = segmentBytes;
    this.nextSeq = lastSeq + 1;
    this.lastHash = lastHash;
    this.lastSegment = lastSegment;
    this.appendToLast = lastSegment != null;
  }

  /**
   * Appends one event's JSON; returns its sequence number once it is as durable as configured.
   *
   * @throws XctException if the record could not be written or forced
   */
  public long append(String eventJson) {
    long seq;
    synchronized (writeLock) {
      if (failure != null) {
        throw new XctException("the journal failed earlier and accepts no more records", failure);
      }
      seq = nextSeq;
      RecordCodec.Encoded record = codec.encode(seq, lastHash, eventJson);
      try {
        rollIfNeeded(seq, record.line().length);
        ByteBuffer buffer = ByteBuffer.wrap(record.line());
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channelSize += record.line().length;
        if (durability == Durability.FORCE) {
          channel.force(false);
        }
      } catch (IOException e) {
        failure = e;
        LOG.error("journal write failed; the journal is closed for appends", e);
        throw new XctException("cannot write journal record " + seq, e);
      }
      nextSeq = seq + 1;
      lastHash = record.hash();
    }
    if (durability == Durability.GROUP) {
      try {
        group.awaitDurable(seq, this::forceTarget);
      } catch (IOException e) {
        synchronized (writeLock) {
          failure = failure == null ? e : failure;
        }
        throw new XctException("cannot force journal record " + seq, e);
      }
    }
    return seq;
  }

  private GroupCommit.Target forceTarget() {
    synchronized (writeLock) {
      return new GroupCommit.Target(nextSeq - 1, channel);
    }
  }

  private void rollIfNeeded(long seq, int length) throws IOException {
    if (channel == null && appendToLast) {
      appendToLast = false;
      channel = FileChannel.open(lastSegment, StandardOpenOption.WRITE);
      channelSize = channel.size();
      channel.position(channelSize);
    }
    if (channel != null && (channelSize == 0 || channelSize + length <= segmentBytes)) {
      return;
    }
    if (channel != null) {
      channel.force(false); // everything before the new segment is durable before it starts
      channel.close();
    }
    Path file = dir.resolve(Segments.name(seq));
    if (Files.exists(file)) {
      // Only possible if a crash tore the very first record of that segment: nothing in it was
      // ever acknowledged, so it is replaced (a complete record there would be a real conflict).
      if (Segments.read(file).lines() > 0) {
        throw new IOException("journal segment " + file + " already exists");
      }
      LOG.warn("replacing journal segment {}, which holds only a torn record", file);
      channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    }
    channelSize = 0;
    lastSegment = file;
    if (durability != Durability.NONE) {
      forceDirectory();
    }
  }

  private void forceDirectory() throws IOException {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the segment's own force still covers its data.
      LOG.debug("cannot force journal directory {}", dir, e);
    }
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (channel != null) {
        try {
          if (failure == null && durability != Durability.NONE) {
            channel.force(false);
          }
          channel.close();
        } catch (IOException e) {
          LOG.warn("closing the journal segment failed", e);
        }
        channel = null;
      }
      if (failure == null) {
        failure = new IOException("journal closed");
      }
    }
  }
}
