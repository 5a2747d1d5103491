package dev.xct.core.journal;

import dev.xct.core.event.RunEvent;
import java.util.Objects;

/**
 * Holds one record read back from a {@link FileJournal}: its place in the journal's hash chain and
 * the event it carries.
 *
 * @param seq the record's sequence number, counting from 1 over the whole journal
 * @param hash the lower-case hex SHA-256 that chains this record to the one before
 * @param event the event, as it was journaled (after redaction)
 */
public record JournalRecord(long seq, String hash, RunEvent event) {
  /**
   * @throws NullPointerException if a component is null
   */
  public JournalRecord {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(event, "event");
  }
}
