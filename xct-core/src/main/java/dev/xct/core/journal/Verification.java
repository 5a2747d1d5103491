package dev.xct.core.journal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports whether a {@link FileJournal}'s hash chain is intact, and if not, the first record at
 * which it breaks.
 *
 * @param records how many records were read and chained correctly before any problem
 * @param problem the first problem found; empty when the chain is intact
 * @param tornTails records cut short by a crash while being written; reported, not a problem
 * @param head the last correctly chained record; empty for an empty journal
 */
public record Verification(
    long records, Optional<Problem> problem, List<TornTail> tornTails, Optional<Head> head) {
  /**
   * @throws NullPointerException if a component is null
   */
  public Verification {
    Objects.requireNonNull(problem, "problem");
    tornTails = List.copyOf(tornTails);
    Objects.requireNonNull(head, "head");
  }

  /** Returns whether no record was changed, removed, inserted, reordered or badly signed. */
  public boolean intact() {
    return problem.isEmpty();
  }

  /** Names what is wrong with a record. */
  public enum Kind {
    /** The line is not a well-formed journal record. */
    MALFORMED,
    /** The record's content no longer matches its hash, or its successor's link to it. */
    CHANGED,
    /** Records are missing: the sequence skips from one number to a later one. */
    MISSING,
    /** A record appears that does not belong: a duplicate, or a copy inserted out of sequence. */
    INSERTED,
    /** Records are present but in the wrong order. */
    OUT_OF_ORDER,
    /** The record's signature is missing or wrong for the configured key. */
    BAD_SIGNATURE,
    /** The journal ends before the head that the caller expected it to reach. */
    TRUNCATED
  }

  /**
   * Locates the first problem.
   *
   * @param kind what is wrong
   * @param segment the segment file's name
   * @param line the 1-based line number within that file
   * @param seq the sequence number that was expected at this place
   * @param message a human-readable explanation
   */
  public record Problem(Kind kind, String segment, long line, long seq, String message) {
    /**
     * @throws NullPointerException if a component is null
     */
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Locates bytes at the end of a segment that do not form a whole line: a write interrupted by a
   * crash. Readers ignore them; the journal never appends after them.
   *
   * @param segment the segment file's name
   * @param line the 1-based line number the torn record would have had
   * @param offset the byte offset where it starts
   * @param bytes how many bytes of it there are
   */
  public record TornTail(String segment, long line, long offset, long bytes) {
    /**
     * @throws NullPointerException if {@code segment} is null
     */
    public TornTail {
      Objects.requireNonNull(segment, "segment");
    }
  }

  /**
   * Identifies the last record of the chain. Store it outside the journal and pass it to {@link
   * FileJournal#verify(Head)} later to detect records cut off the end.
   *
   * @param seq its sequence number
   * @param hash its chain hash
   */
  public record Head(long seq, String hash) {
    /**
     * @throws NullPointerException if {@code hash} is null
     */
    public Head {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
