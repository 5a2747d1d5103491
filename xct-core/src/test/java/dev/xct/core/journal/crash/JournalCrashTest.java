package dev.xct.core.journal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Verification;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real child JVMs running the loop against a file journal with SIGKILL, at named windows and
 * at random moments, then resumes every run and checks the journal's promises against the side
 * effects the tools left in their counter files. Seeded: {@code -Dxct.crash.seed}, {@code
 * -Dxct.crash.trials}.
 */
class JournalCrashTest {
  private static final long SEED = Long.getLong("xct.crash.seed", 20250301L);
  private static final int TRIALS = Integer.getInteger("xct.crash.trials", 150);

  @TempDir Path root;

  private final Map<String, Integer> tally = new TreeMap<>();

  @Test
  void killedRunsResumeWithoutLosingOrRepeatingAnyStep() throws Exception {
    ChildJvm jvm = new ChildJvm(Files.createDirectories(root.resolve("jvm")));
    Random seeds = new Random(SEED);
    List<CrashTrial> trials = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      trials.add(new CrashTrial(i, seeds.nextLong(), root, jvm));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (CrashTrial trial : trials) {
        futures.add(
            pool.submit(
                () -> {
                  trial.crash();
                  check(trial);
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    int kills = trials.stream().mapToInt(t -> t.kills.size()).sum();
    Map<String, Long> windows =
        trials.stream()
            .flatMap(t -> t.kills.stream())
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    System.out.printf("crash test (seed %d): %d SIGKILLs %s%n%s%n", SEED, kills, windows, tally);
    assertThat(kills).isGreaterThanOrEqualTo(TRIALS * 200 / 150);
    for (String window : CrashTrial.TOOL_WINDOWS) {
      assertThat(windows.getOrDefault("paused " + window, 0L)).as(window).isPositive();
    }
    for (String window : CrashTrial.STEP_WINDOWS) {
      assertThat(windows.getOrDefault("paused " + window, 0L)).as(window).isPositive();
    }
  }

  private void check(CrashTrial trial) throws IOException {
    try (FileJournal journal = FileJournal.open(trial.journal)) {
      count("torn tails", journal.tornTails().size());
      ExecutionLoop loop =
          CrashWorld.loop(journal, trial.work, (w, r, s) -> {}, "unused-" + trial.index);
      for (String runId : trial.runIds) {
        if (!journal.runIds().contains(runId)) {
          // Killed before the run's start was journaled: nothing may have happened.
          assertThat(lines(trial.work, runId, "c.bump")).isEmpty();
          count("runs never started", 1);
          continue;
        }
        RunResult result = loop.resume(runId);
        checkRun(trial, journal, runId, result);
        // Resuming an ended run returns its result again (compared as text: JsonValue equality
        // tells an int from a long, and the journal reads numbers back as the smallest type).
        assertThat(loop.resume(runId).toString()).isEqualTo(result.toString());
      }
      Verification verification = journal.verify();
      assertThat(verification.intact()).as("trial %d: %s", trial.index, verification).isTrue();
    }
  }

  private void checkRun(CrashTrial trial, FileJournal journal, String runId, RunResult result)
      throws IOException {
    String where =
        "trial " + trial.index + " (" + trial.kills + ", " + trial.durability + ") " + runId;
    assertThat(result.status()).as(where).isEqualTo(RunStatus.DONE);
    List<RunEvent> events = journal.read(runId);
    assertThat(events.get(events.size() - 1)).as(where).isInstanceOf(RunEvent.RunEnded.class);
    assertThat(result.steps())
        .extracting(Step::number)
        .as(where)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, result.steps().size()).boxed().toList());
    // Every completed step is in the journal, with the outcome the run reported: resuming the
    // ended run, below, derives its steps from the journal alone and must report the same.
    for (String tool : List.of("c.bump", "c.set")) {
      Map<Integer, Long> executed =
          lines(trial.work, runId, tool).stream()
              .collect(Collectors.groupingBy(Integer::parseInt, Collectors.counting()));
      for (Map.Entry<Integer, Long> e : executed.entrySet()) {
        long intents =
            events.stream()
                .filter(
                    ev ->
                        ev instanceof RunEvent.ToolStarting s
                            && s.call().tool().equals(tool)
                            && s.call()
                                .arguments()
                                .get("n")
                                .orElseThrow()
                                .toJson()
                                .equals(e.getKey().toString()))
                .count();
        assertThat(e.getValue())
            .as("%s: executions of %s %d beyond its intents", where, tool, e.getKey())
            .isLessThanOrEqualTo(intents);
        if (tool.equals("c.bump")) {
          assertThat(e.getValue())
              .as("%s: non-idempotent step %d ran twice", where, e.getKey())
              .isEqualTo(1);
        }
        Step step = result.steps().get(e.getKey() - 1);
        assertThat(step.executed())
            .as("%s: step %d ran but is not recorded", where, e.getKey())
            .isTrue();
        count(tool + " executions", e.getValue().intValue());
        if (e.getValue() > 1) {
          count("idempotent re-runs", 1);
        }
      }
      for (Step step : result.steps()) {
        if (step.tool().orElse("").equals(tool) && step.result().orElseThrow().isSuccess()) {
          assertThat(executed)
              .as("%s: step %d succeeded without its effect", where, step.number())
              .containsKey(step.number());
        }
      }
    }
    for (Step step : result.steps()) {
      if (step.result().orElse(null) instanceof Result.Failure f
          && f.code().equals(ErrorCodes.OUTCOME_UNKNOWN)) {
        count("OUTCOME_UNKNOWN " + step.tool().orElseThrow(), 1);
      }
    }
    count("runs resumed to DONE", 1);
  }

  private synchronized void count(String what, int n) {
    tally.merge(what, n, Integer::sum);
  }

  private static List<String> lines(Path work, String runId, String tool) throws IOException {
    Path file = CrashWorld.counter(work, runId, tool);
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }
}
