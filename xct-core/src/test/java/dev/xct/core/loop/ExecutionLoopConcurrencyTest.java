package dev.xct.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionLoopConcurrencyTest {
  @TempDir Path workspace;

  @Test
  void hundredConcurrentRunsOnOneLoopProduceHundredSeparateCorrectTranscripts() throws Exception {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    // The model derives each reply from its own request: the task names the file, the transcript
    // length says where the run is. A run that saw another run's steps would write the wrong file.
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request -> {
                  String id = request.task().substring("write ".length());
                  int seen = request.transcript().size();
                  if (seen < 3) {
                    return ModelReply.of(
                        Fixtures.propose(
                            "files.write",
                            "{\"name\":\"" + id + "-" + seen + "\",\"content\":\"" + id + "\"}"));
                  }
                  return ModelReply.of(Fixtures.done(id));
                },
                dev.xct.core.tool.ToolRegistry.of(write))
            .build();

    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<RunResult>> futures = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String task = "write run" + i;
      futures.add(pool.submit(() -> loop.run(task)));
    }
    List<RunResult> results = new ArrayList<>();
    for (Future<RunResult> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(results).extracting(RunResult::runId).doesNotHaveDuplicates();
    for (int i = 0; i < 100; i++) {
      RunResult run = results.get(i);
      String id = "run" + i;
      assertThat(run.status()).isEqualTo(RunStatus.DONE);
      assertThat(run.message()).isEqualTo(id);
      assertThat(run.steps()).hasSize(4);
      assertThat(run.steps()).extracting(Step::number).containsExactly(1, 2, 3, 4);
      assertThat(run.steps().subList(0, 3))
          .allSatisfy(s -> assertThat(s.rawReply()).contains(id + "-"));
      for (int n = 0; n < 3; n++) {
        assertThat(Files.readString(workspace.resolve(id + "-" + n))).isEqualTo(id);
      }
    }
    assertThat(write.executions).hasValue(300);
    try (var files = Files.list(workspace)) {
      assertThat(files).hasSize(300);
    }
  }
}
