package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.JournalRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads one run's records from the segments that can hold them. Strict where it matters for
 * resuming: a complete line that is malformed or no longer matches its hash fails the read
 * (skipping it could hide an intent and let a step run twice), while a torn line at the end of a
 * segment is ignored. Stateless and thread-safe.
 */
public final class RunReader {
  private RunReader() {}

  /**
   * Returns the records of {@code runId}, whose first record is {@code firstSeq}.
   *
   * @throws XctException if a line in range is corrupt
   */
  public static List<JournalRecord> read(
      Path dir,
      RecordCodec codec,
      String runId,
      long firstSeq,
      Function<JsonNode, RunEvent> parser) {
    List<Path> files = Segments.list(dir);
    int start = 0;
    for (int f = 0; f < files.size(); f++) {
      if (Segments.firstSeq(files.get(f)) <= firstSeq) {
        start = f;
      }
    }
    List<JournalRecord> out = new ArrayList<>();
    for (int f = start; f < files.size(); f++) {
      Segments.Content content = Segments.read(files.get(f));
      for (int i = 0; i < content.lines(); i++) {
        RecordCodec.Decoded record;
        try {
          record = codec.decode(content.bytes(), content.starts()[i], content.ends()[i]);
        } catch (XctException e) {
          throw corrupt(content, i, "is not a journal record", e);
        }
        if (!record.hashMatches()) {
          throw corrupt(content, i, "no longer matches its hash", null);
        }
        if (record.seq() >= firstSeq
            && runId.equals(JsonFields.runId(record.event()).orElse(null))) {
          out.add(new JournalRecord(record.seq(), record.hash(), parser.apply(record.event())));
        }
      }
    }
    return out;
  }

  private static XctException corrupt(
      Segments.Content content, int line, String what, Exception cause) {
    return new XctException(
        "journal segment "
            + content.name()
            + " line "
            + (line + 1)
            + " "
            + what
            + "; the journal is damaged (run verify) and the run cannot be read safely",
        cause);
  }
}
