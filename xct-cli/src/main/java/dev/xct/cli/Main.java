package dev.xct.cli;

import dev.xct.cli.internal.command.CliException;
import dev.xct.cli.internal.command.XctCommand;
import dev.xct.cli.internal.console.Console;
import dev.xct.core.ModelClient;
import dev.xct.policy.MissingRootException;
import dev.xct.policy.PolicyFileException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Starts the {@code xct} command line: parses the arguments, runs the command and turns every way
 * it can end into one of the {@link ExitCodes}. Nothing the user can cause ends in a stack trace:
 * bad flags, files and configurations get a message naming what is wrong and where.
 */
public final class Main {
  static {
    // Warnings and tool crashes go to stderr for the operator; a model failure is already in the
    // transcript, so the engine's own trace of it is silenced. XCT_LOG=info (or debug) shows all.
    String level = System.getenv("XCT_LOG");
    if (level == null || level.isBlank()) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      System.setProperty("org.slf4j.simpleLogger.log." + ModelClient.class.getName(), "off");
    } else {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }

  private Main() {}

  /** Runs {@code xct} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, Console::system));
  }

  /**
   * Runs {@code xct} with {@code args} on the consoles {@code consoles} makes; returns the code.
   */
  public static int run(String[] args, Function<Console.ColorMode, Console> consoles) {
    CommandLine commandLine = new CommandLine(new XctCommand(consoles));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(
        (ex, arguments) -> {
          PrintStream stream = consoles.apply(Console.ColorMode.NEVER).err();
          stream.println("xct: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, stream);
          stream.println(
              "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> failure(ex, consoles.apply(Console.ColorMode.NEVER).err()));
    commandLine.setOut(
        new java.io.PrintWriter(consoles.apply(Console.ColorMode.NEVER).out(), true));
    commandLine.setErr(
        new java.io.PrintWriter(consoles.apply(Console.ColorMode.NEVER).err(), true));
    return commandLine.execute(args);
  }

  /** Maps a failure that escaped a command to its exit code and a one-line message. */
  static int failure(Exception ex, PrintStream err) {
    if (ex instanceof CliException cli) {
      err.println("xct: " + cli.getMessage());
      return cli.exitCode();
    }
    if (ex instanceof PolicyFileException policy) {
      err.println(policy.getMessage());
      // A root missing here is a missing input, not a fault of the file: it may be fine elsewhere.
      return policy.getCause() instanceof MissingRootException
          ? ExitCodes.NO_INPUT
          : ExitCodes.BAD_CONFIG;
    }
    if (ex instanceof UncheckedIOException io) {
      err.println("xct: " + io.getMessage() + ": " + io.getCause().getMessage());
      return ExitCodes.NO_INPUT;
    }
    err.println("xct: internal error: " + ex);
    if (System.getenv("XCT_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("Set XCT_DEBUG=1 to see the stack trace, and please report it.");
    }
    return ExitCodes.INTERNAL;
  }
}
