package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.core.XctException;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ExecutionLoop;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the durable, hash-chained journal of {@code --durable-journal DIR} (core's {@link
 * FileJournal}) and attaches it to a loop, which then records every event before acting on it and
 * stops a run whose journal fails ({@code JOURNAL_FAILED}).
 */
final class DurableJournals {
  private DurableJournals() {}

  /**
   * Returns the journal in {@code directory} (created if missing), or an in-memory stand-in that
   * records nothing durable when {@code directory} is null.
   *
   * @throws CliException with {@link ExitCodes#NO_INPUT} if it cannot be opened (locked by another
   *     process, not writable)
   */
  static Journal open(Path directory) {
    if (directory == null) {
      return null;
    }
    try {
      Files.createDirectories(directory);
      return FileJournal.open(directory);
    } catch (XctException | java.io.IOException e) {
      throw new CliException(
          ExitCodes.NO_INPUT,
          "cannot open the durable journal " + directory + ": " + e.getMessage());
    }
  }

  /** Attaches {@code journal} to {@code builder} when there is one; returns the builder. */
  static ExecutionLoop.Builder attach(ExecutionLoop.Builder builder, Journal journal) {
    return journal == null ? builder : builder.journal(journal);
  }
}
