package dev.xct.core.journal;

import dev.xct.core.XctException;
import java.util.Objects;

/**
 * Reports that a journal's hash chain is broken where a run's records had to be read: reading or
 * resuming the run was refused because records were changed, removed, inserted, reordered or badly
 * signed. {@link #problem()} locates the first break as {@link FileJournal#verify()} would; {@link
 * #code()} is the stable code {@value #CODE}.
 *
 * <p>Immutable and thread-safe.
 */
public final class JournalDamagedException extends XctException {
  /** The stable code of this refusal. */
  public static final String CODE = "JOURNAL_DAMAGED";

  private static final long serialVersionUID = 1L;

  private final transient Verification.Problem problem;

  /**
   * Creates the exception for {@code what} (a run, or the journal), whose part of the chain has
   * {@code problem}.
   */
  public JournalDamagedException(String what, Verification.Problem problem) {
    super(
        CODE
            + ": "
            + what
            + " cannot be trusted: "
            + Objects.requireNonNull(problem, "problem").kind()
            + " at segment "
            + problem.segment()
            + " line "
            + problem.line()
            + " (record "
            + problem.seq()
            + "): "
            + problem.message());
    this.problem = problem;
  }

  /** Returns where the chain breaks first, and how. */
  public Verification.Problem problem() {
    return problem;
  }

  /** Returns {@value #CODE}. */
  public String code() {
    return CODE;
  }
}
