package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import dev.xct.core.journal.Verification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a journal directory once when it is opened: where each run's records begin, where the chain
 * ends (to continue it), and which segments end in a torn record. Tolerant: it never fails on bad
 * records (verification and reads report those), so a damaged journal can still be opened and
 * inspected. Not thread-safe; used once.
 */
public final class JournalScan {
  private static final Logger LOG = LoggerFactory.getLogger(JournalScan.class);

  /** The sequence number of the first record of each run. */
  public final Map<String, Long> firstSeqOfRun = new HashMap<>();

  /** Segments that end in a torn record. */
  public final List<Verification.TornTail> tornTails = new ArrayList<>();

  /** The last well-formed record's sequence number (0 if none). */
  public long lastSeq;

  /** The last well-formed record's hash (the genesis hash if none). */
  public String lastHash = RecordCodec.GENESIS;

  /** The last segment, if it ends cleanly and may be appended to; otherwise null. */
  public Path appendable;

  /**
   * Scans {@code dir}. Damage is logged at WARN only when it is news to the operator: a {@code
   * writable} open finding the torn tail a crash just left at the end of the last segment (the
   * writer then starts a new segment, so an older torn tail was reported by an earlier open), or a
   * record that is not valid. Everything else is DEBUG: read-only opens (inspection, {@code
   * verify}) report damage through {@link #tornTails} and verification, not the log.
   */
  public JournalScan(Path dir, RecordCodec codec, boolean writable) {
    List<Path> files = Segments.list(dir);
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      Segments.Content content = Segments.read(file);
      boolean lastLineGood = true;
      for (int i = 0; i < content.lines(); i++) {
        try {
          RecordCodec.Decoded record =
              codec.decode(content.bytes(), content.starts()[i], content.ends()[i]);
          JsonFields.runId(record.event())
              .ifPresent(id -> firstSeqOfRun.putIfAbsent(id, record.seq()));
          if (record.seq() > lastSeq) {
            lastSeq = record.seq();
            lastHash = record.hash();
          }
          lastLineGood = true;
        } catch (XctException e) {
          log(writable, "journal segment {} line {} is not a valid record", content.name(), i + 1);
          lastLineGood = false;
        }
      }
      if (content.tornAt() >= 0) {
        long bytes = content.bytes().length - (long) content.tornAt();
        log(
            writable && f == files.size() - 1,
            "journal segment {} ends in a torn record ({} bytes, line {}): ignored",
            content.name(),
            bytes,
            content.lines() + 1);
        tornTails.add(
            new Verification.TornTail(
                content.name(), content.lines() + 1L, content.tornAt(), bytes));
      }
      if (f == files.size() - 1 && content.tornAt() < 0 && lastLineGood) {
        appendable = file;
      }
    }
  }

  private static void log(boolean warn, String message, Object... arguments) {
    if (warn) {
      LOG.warn(message, arguments);
    } else {
      LOG.debug(message, arguments);
    }
  }
}
