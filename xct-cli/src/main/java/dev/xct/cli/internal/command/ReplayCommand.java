package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.agent.AgentLoop;
import dev.xct.cli.internal.agent.Approvals;
import dev.xct.cli.internal.agent.RecordedModel;
import dev.xct.cli.internal.agent.RecordedReplies;
import dev.xct.cli.internal.agent.ReplayJournal;
import dev.xct.cli.internal.console.Console;
import dev.xct.cli.internal.console.Transcript;
import dev.xct.core.RunResult;
import dev.xct.core.Toolkit;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.journal.Journal;
import dev.xct.policy.CheckedPolicy;
import dev.xct.policy.PolicyFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Replays recorded model replies through the loop, tools and policy: {@code xct replay}. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Feed recorded model replies through the same loop, tools and policy as 'xct run', offline,"
          + " and write the journal. For testing a policy before it meets a model, and for"
          + " regression suites: the clock and run id are fixed, so the same inputs give the same"
          + " journal.",
      "The replies file is JSON Lines: each line one JSON string holding exactly what the model"
          + " returned. Rules that ask for approval are denied unless --approve says otherwise."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the replies led to done",
      " 2:a budget ran out",
      " 3:a validator or --approve=stop stopped the run",
      " 4:the replies ran out before done",
      "64:usage error",
      "65:bad policy or replies file",
      "66:a file or the workspace is missing"
    })
final class ReplayCommand implements Callable<Integer> {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  @ParentCommand XctCommand parent;

  @Mixin PolicyOptions setup;

  @Option(
      names = "--replies",
      required = true,
      paramLabel = "FILE",
      description = "Recorded replies: JSON Lines, one JSON string per model reply.")
  Path repliesFile;

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      description = "Write the journal (JSON Lines) here; '-' for standard output.")
  String journal;

  @Option(
      names = "--task",
      paramLabel = "TEXT",
      description = "The task the model was given (default: ${DEFAULT-VALUE}).")
  String task = "replay";

  @Option(
      names = "--approve",
      paramLabel = "ANSWER",
      description =
          "How to answer approvals, as nobody is asked: deny (the default), approve, or stop.")
  Approvals.Answer approve = Approvals.Answer.DENY;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "The run id (default: ${DEFAULT-VALUE}).")
  String runId = "replay";

  @Option(
      names = "--durable-journal",
      paramLabel = "DIR",
      description =
          "Also record the run in the durable, hash-chained journal in DIR (see docs/journal.md):"
              + " every event is forced to disk before it is acted on.")
  Path durableJournal;

  @Option(
      names = "--json",
      description = "Print one JSON object summing up the run, not a transcript.")
  boolean json;

  @Override
  public Integer call() {
    Console console = parent.console();
    Inputs.requireFile(setup.policyFile, "policy file");
    Inputs.requireFile(repliesFile, "replies file");
    Inputs.requireDirectory(setup.workspace, "workspace");
    CheckedPolicy checked = CheckedPolicy.load(setup.policyFile);
    PolicyFile policy = checked.policy();
    List<String> replies;
    try {
      replies =
          RecordedReplies.parse(
              Files.readString(repliesFile, StandardCharsets.UTF_8), repliesFile.toString());
    } catch (RecordedReplies.FormatException e) {
      throw new CliException(ExitCodes.BAD_CONFIG, e.getMessage());
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.NO_INPUT, "cannot read " + repliesFile + ": " + e.getMessage());
    }
    Toolkit toolkit = PolicyToolkits.forPolicy(checked, setup.workspace);
    List<RunListener> listeners = new ArrayList<>();
    if (!json && !"-".equals(journal)) {
      listeners.add(new Transcript(console.out(), console.style()));
    }
    try (Writer journalOut = openJournal(console);
        Journal durable = DurableJournals.open(durableJournal)) {
      if (journalOut != null) {
        listeners.add(new ReplayJournal(journalOut));
      }
      RunResult result =
          DurableJournals.attach(
                  AgentLoop.builder(
                      policy,
                      toolkit,
                      new RecordedModel(replies, repliesFile.toString()),
                      Approvals.unattended(approve, "nobody can approve during a replay"),
                      listeners,
                      Clock.fixed(EPOCH, ZoneOffset.UTC),
                      () -> runId),
                  durable)
              .build()
              .run(task);
      if (json) {
        console.out().println(summary(result));
      }
      return ExitCodes.of(result.status());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Writer openJournal(Console console) {
    if (journal == null) {
      return null;
    }
    if ("-".equals(journal)) {
      // Not closed with the command: standard output outlives it.
      return new OutputStreamWriter(console.out(), console.out().encoding()) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    try {
      return Files.newBufferedWriter(Path.of(journal), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.NO_INPUT, "cannot write the journal " + journal + ": " + e.getMessage());
    }
  }

  private String summary(RunResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run_id", result.runId());
    out.put("status", result.status().name());
    out.put("code", result.code().orElse(null));
    out.put("message", result.message());
    out.put("steps", result.steps().size());
    out.put("executed", result.executions());
    out.put("exit_code", ExitCodes.of(result.status()));
    if (result.failure().isPresent()) {
      out.put("failure", failure(result));
    }
    if (journal != null && !"-".equals(journal)) {
      out.put("journal", journal);
    }
    return JsonMapper.builder().build().writeValueAsString(out);
  }

  /** Returns why the model failed, written as the journal's {@code run_ended} writes it. */
  private static JsonNode failure(RunResult result) {
    RunEvent.RunEnded ended =
        new RunEvent.RunEnded(
            result.runId(),
            result.steps().size(),
            result.endedAt(),
            result.status(),
            result.code(),
            result.message(),
            result.failure());
    return JsonMapper.builder().build().readTree(JsonLinesEventWriter.line(ended)).get("failure");
  }
}
