package dev.xct.cli.internal.demo;

import dev.xct.cli.internal.agent.AgentLoop;
import dev.xct.cli.internal.agent.RecordedModel;
import dev.xct.cli.internal.console.Console;
import dev.xct.cli.internal.console.Style;
import dev.xct.cli.internal.console.Transcript;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Toolkit;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunListener;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import dev.xct.demo.k8s.Deployment;
import dev.xct.demo.k8s.InMemoryCluster;
import dev.xct.demo.k8s.K8sTools;
import dev.xct.policy.PolicyFile;
import dev.xct.policy.PolicyTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the demo: the seed's two scenarios with an embedded, scripted model, a fixed clock and fixed
 * run ids, so that the output is the same on every machine and every run. Prints a transcript, or
 * JSON Lines events with {@code json}.
 */
public final class Demo {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T09:00:00Z"), ZoneOffset.UTC);
  private static final String CLUSTER_RUN = "demo-cluster";

  private final Console console;
  private final boolean json;
  private final Style style;

  /** Prints to {@code console}; events as JSON Lines instead of a transcript when {@code json}. */
  public Demo(Console console, boolean json) {
    this.console = console;
    this.json = json;
    this.style = console.style();
  }

  /** Runs every scenario; returns whether each ended the way the script intends. */
  public boolean run() {
    say(style.bold("XCT demo"), ": the model proposes, the system validates, tools execute.");
    say(
        style.dim(
            "A scripted model plays the LLM: no API key, no network, the same output every time."));
    boolean files = files();
    boolean cluster = cluster();
    boolean runaway = runaway();
    say("");
    say(style.bold("What you saw"));
    say(
        "  · model output is untrusted input: prose and unknown tools are refused, never guessed at");
    say("  · every proposal passes the validators first; a veto goes back to the model as data");
    say("  · tool failures are data too; the model reads them and adjusts");
    say(
        "  · destructive actions wait for a person, even across a restart; budgets stop a model"
            + " that will not stop");
    say(style.dim("Next: ./xct policy check FILE, ./xct replay, ./xct run — see docs/cli.md"));
    return files && cluster && runaway;
  }

  private boolean files() {
    heading("1/2", "create a file safely", "a temporary directory is the only writable root");
    Path workspace = tempWorkspace();
    try {
      PolicyFile policy = policy("files-policy.yaml");
      Toolkit toolkit = PolicyTools.of(policy, workspace).toolkit();
      RunResult result =
          run(
              policy,
              toolkit,
              DemoScripts.FILES,
              "demo-files",
              "Create config.json with {\"debug\": false}");
      Path created = workspace.resolve("config.json");
      say(
          style.dim(
              "  workspace now holds config.json: "
                  + (Files.exists(created) ? read(created) : "(missing)")
                  + "; ../../etc/config.json was never written"));
      return result.status() == RunStatus.DONE && Files.exists(created);
    } finally {
      delete(workspace);
    }
  }

  private boolean cluster() {
    heading(
        "2/2",
        "operate a small Kubernetes-like cluster",
        "in memory, redis already running; deleting needs a person, who answers after a restart");
    InMemoryCluster cluster = InMemoryCluster.with(new Deployment("redis", "redis:7", 1, 1));
    PolicyFile policy = policy("cluster-policy.yaml");
    Toolkit toolkit = Toolkit.of(K8sTools.over(cluster), List.of());
    List<String> script = DemoScripts.CLUSTER;
    Path journalDir = tempWorkspace();
    try {
      RunResult paused;
      try (FileJournal journal = FileJournal.open(journalDir)) {
        paused =
            loop(policy, toolkit, script, CLOCK, journal)
                .run("Make sure nginx, mongodb and redis are deployed, then remove nginx");
      }
      say(
          style.dim(
              "  the process exits; the request waits in the durable journal. An hour later, a new"
                  + " process:"));
      RunResult result;
      try (FileJournal journal = FileJournal.open(journalDir)) {
        // The script goes on after the reply the run paused on; the cluster outlived the process.
        ExecutionLoop later =
            loop(
                policy,
                toolkit,
                script.subList(DemoScripts.CLUSTER_PAUSED_AFTER, script.size()),
                Clock.offset(CLOCK, Duration.ofHours(1)),
                journal);
        PendingApproval request = later.approvals().pending(CLUSTER_RUN).orElseThrow();
        say(
            "  ? waiting since "
                + request.askedAt()
                + ": "
                + request.call().tool()
                + " "
                + request.call().arguments().toJson()
                + " (until "
                + request.expiresAt()
                + ")");
        say("  ✓ approved by " + DemoApprover.WHO + " for exactly that action");
        ApprovalOutcome outcome =
            later
                .approvals()
                .decide(CLUSTER_RUN, ApprovalAnswer.approve(request.action(), DemoApprover.WHO));
        result = outcome instanceof ApprovalOutcome.Resumed resumed ? resumed.result() : paused;
      }
      say(
          style.dim(
              "  cluster now runs: "
                  + String.join(
                      ", ", cluster.deployments().stream().map(Deployment::name).toList())));
      return paused.status() == RunStatus.AWAITING_APPROVAL && result.status() == RunStatus.DONE;
    } finally {
      delete(journalDir);
    }
  }

  private boolean runaway() {
    heading(
        "2/2, continued",
        "a runaway model",
        "it polls for ever; the policy's budget allows 4 replies");
    InMemoryCluster cluster = InMemoryCluster.with(new Deployment("redis", "redis:7", 1, 1));
    RunResult result =
        run(
            policy("runaway-policy.yaml"),
            Toolkit.of(K8sTools.over(cluster), List.of()),
            DemoScripts.RUNAWAY,
            "demo-runaway",
            "Watch the cluster and tell me when something changes");
    return result.status() == RunStatus.LIMIT_REACHED;
  }

  private RunResult run(
      PolicyFile policy, Toolkit toolkit, List<String> replies, String runId, String task) {
    return builder(policy, toolkit, replies, CLOCK, runId).build().run(task);
  }

  /** The cluster run's loop over {@code journal}, as a process that starts at {@code clock}. */
  private ExecutionLoop loop(
      PolicyFile policy, Toolkit toolkit, List<String> replies, Clock clock, FileJournal journal) {
    return builder(policy, toolkit, replies, clock, CLUSTER_RUN).journal(journal).build();
  }

  private ExecutionLoop.Builder builder(
      PolicyFile policy, Toolkit toolkit, List<String> replies, Clock clock, String runId) {
    Transcript transcript = new Transcript(console.out(), style);
    RunListener listener =
        json
            ? JsonLinesEventWriter.to(
                new OutputStreamWriter(console.out(), console.out().encoding()))
            : transcript;
    return AgentLoop.builder(
        policy,
        toolkit,
        new RecordedModel(replies, "the demo's script"),
        new DemoApprover(json ? null : transcript),
        List.of(listener),
        clock,
        () -> runId);
  }

  private void heading(String number, String title, String setting) {
    say("");
    say(style.bold("━━ Scenario " + number + ": " + title + " ━━"));
    say(style.dim("   " + setting));
  }

  /**
   * Prints one line unless printing JSON; neutralised like every line (one holds a file's text).
   */
  private void say(CharSequence... line) {
    if (!json) {
      console.out().line(line);
    }
  }

  private static PolicyFile policy(String name) {
    String resource = "/dev/xct/cli/demo/" + name;
    try (InputStream in = Demo.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("demo policy missing from the jar: " + resource);
      }
      return PolicyFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempWorkspace() {
    try {
      return Files.createTempDirectory("xct-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary workspace", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the demo workspace " + directory, e);
    }
  }
}
