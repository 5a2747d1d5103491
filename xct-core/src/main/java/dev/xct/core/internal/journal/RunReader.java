package dev.xct.core.internal.journal;

import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.JournalDamagedException;
import dev.xct.core.journal.JournalRecord;
import dev.xct.core.journal.Verification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads one run's records from the segments that can hold them, trusting only a verified chain:
 * every record from the first segment that can hold the run's first record to the end of the
 * journal must match its hash (and its signature, when a key is set), follow its predecessor in
 * sequence and chain to it, as {@link ChainVerifier} checks the whole journal. Records of a run
 * deleted, duplicated, reordered or edited (even with the edited record's own hash recomputed,
 * which its successor's link then contradicts) fail the read instead of letting a resumed run
 * repeat a step or believe a forged task; a torn line at the end of a segment is ignored. Stateless
 * and thread-safe.
 */
public final class RunReader {
  private RunReader() {}

  /**
   * Returns the records of {@code runId}, whose first record is {@code firstSeq}.
   *
   * @throws JournalDamagedException if the chain is broken anywhere in the range read
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
    List<RecordCodec.Decoded> records = new ArrayList<>();
    Verification verification =
        new ChainVerifier(codec)
            .walk(
                files.subList(start, files.size()),
                null,
                record -> {
                  if (record.seq() >= firstSeq
                      && runId.equals(JsonFields.runId(record.event()).orElse(null))) {
                    records.add(record);
                  }
                });
    if (verification.problem().isPresent()) {
      throw new JournalDamagedException("run '" + runId + "'", verification.problem().get());
    }
    List<JournalRecord> out = new ArrayList<>(records.size());
    for (RecordCodec.Decoded record : records) {
      out.add(new JournalRecord(record.seq(), record.hash(), parser.apply(record.event())));
    }
    return out;
  }
}
