package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import dev.xct.core.journal.Durability;
import java.io.IOException;
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
 * treat it as torn. Writes and forces go through {@link SegmentFile}, which an appending thread's
 * interrupt cannot close. Thread-safe.
 */
public final class SegmentLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);

  private final Path dir;
  private final RecordCodec codec;
  private final Durability durability;
  private final long segmentBytes;
  private final GroupCommit group = new GroupCommit();
  private final Object writeLock = new Object();
  private SegmentFile segment;
  private long segmentSize;
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
        segment.write(record.line());
        segmentSize += record.line().length;
        if (durability == Durability.FORCE) {
          segment.force();
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
      return new GroupCommit.Target(nextSeq - 1, segment);
    }
  }

  private void rollIfNeeded(long seq, int length) throws IOException {
    if (segment == null && appendToLast) {
      appendToLast = false;
      segment = new SegmentFile(lastSegment, true);
      segmentSize = Files.size(lastSegment);
    }
    if (segment != null && (segmentSize == 0 || segmentSize + length <= segmentBytes)) {
      return;
    }
    if (segment != null) {
      // Everything before the new segment is durable before it starts.
      SegmentFile full = segment;
      segment = null;
      full.forceAndClose();
    }
    Path file = dir.resolve(Segments.name(seq));
    if (Files.exists(file)) {
      // Only possible if a crash tore the very first record of that segment: nothing in it was
      // ever acknowledged, so it is replaced (a complete record there would be a real conflict).
      if (Segments.read(file).lines() > 0) {
        throw new IOException("journal segment " + file + " already exists");
      }
      LOG.warn("replacing journal segment {}, which holds only a torn record", file);
      segment = new SegmentFile(file, false);
    } else {
      Files.createFile(file);
      segment = new SegmentFile(file, true);
    }
    segmentSize = 0;
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
      if (segment != null) {
        try {
          if (failure == null && durability != Durability.NONE) {
            segment.forceAndClose();
          } else {
            segment.close();
          }
        } catch (IOException e) {
          LOG.warn("closing the journal segment failed", e);
        }
        segment = null;
      }
      if (failure == null) {
        failure = new IOException("journal closed");
      }
    }
  }
}
