package dev.xct.cli.internal.command;

import dev.xct.cli.internal.console.Console;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** Defines the top-level {@code xct} command; its subcommands do the work. */
@Command(
    name = "xct",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "XCT: the model proposes, the system validates, tools execute.",
      "Start with 'xct demo'. Every command has --help."
    },
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      ReplayCommand.class,
      ApprovalsCommand.class,
      ApproveCommand.class,
      DenyCommand.class,
      PolicyCommand.class,
      McpCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:done (a run ended with the model saying done; a check passed)",
      " 2:a budget ran out (steps, errors, a tool quota, the deadline)",
      " 3:a validator or a person stopped the run",
      " 4:the model failed or ran out of recorded replies; the run was cancelled",
      " 5:the run paused for a person's approval (xct run --approve defer)",
      " 6:an answer to a paused run was refused (xct approve, xct deny)",
      "64:usage error (unknown option, missing argument)",
      "65:bad policy, replies file or model configuration",
      "66:an input file or directory is missing or unreadable",
      "70:internal error in xct"
    })
public final class XctCommand implements Runnable {
  private final Function<Console.ColorMode, Console> consoles;

  @Spec CommandSpec spec;

  @Option(
      names = "--color",
      scope = ScopeType.INHERIT,
      paramLabel = "WHEN",
      description =
          "Colour the output: auto (the default: at a terminal, unless NO_COLOR is set),"
              + " always, or never.")
  Console.ColorMode color = Console.ColorMode.AUTO;

  /** Creates the command; {@code consoles} makes the console once the colour mode is known. */
  public XctCommand(Function<Console.ColorMode, Console> consoles) {
    this.consoles = consoles;
  }

  /** Returns the console for the chosen colour mode. */
  Console console() {
    return consoles.apply(color);
  }

  @Override
  public void run() {
    throw new CliException(
        64, "xct needs a command; try 'xct demo', or 'xct --help' for every command");
  }
}
