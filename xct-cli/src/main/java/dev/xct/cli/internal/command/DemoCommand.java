package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the demo: {@code xct demo}. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Show XCT at work in under a minute, with an embedded scripted model: no API key, no network.",
      "Scenario 1 creates a file safely in a temporary directory; scenario 2 operates a small"
          + " in-memory Kubernetes-like cluster: a vetoed proposal, a failing tool, an unknown"
          + " tool, approvals, and a runaway model stopped by a budget."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:every scenario ended as scripted", "70:one did not (a bug in xct)"})
final class DemoCommand implements Callable<Integer> {
  @ParentCommand XctCommand parent;

  @Option(names = "--json", description = "Print the runs' events as JSON Lines instead.")
  boolean json;

  @Override
  public Integer call() {
    boolean asScripted = new Demo(parent.console(), json).run();
    return asScripted ? ExitCodes.DONE : ExitCodes.INTERNAL;
  }
}
