package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The journal options of the commands that run a live loop: {@code run} and {@code mcp serve}. */
final class JournalOptions {
  @Option(names = "--journal", paramLabel = "FILE", description = "Also write the journal here.")
  Path journal;

  @Option(
      names = "--durable-journal",
      paramLabel = "DIR",
      description =
          "Also record the run in the durable, hash-chained journal in DIR (see docs/journal.md):"
              + " every event is forced to disk before it is acted on.")
  Path durableJournal;

  /**
   * Returns a writer for {@code --journal}, or one that discards everything without it.
   *
   * @throws CliException with {@link ExitCodes#NO_INPUT} if the file cannot be written
   */
  Writer openJournal() {
    if (journal == null) {
      return Writer.nullWriter();
    }
    try {
      return Files.newBufferedWriter(journal, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.NO_INPUT, "cannot write the journal " + journal + ": " + e.getMessage());
    }
  }
}
