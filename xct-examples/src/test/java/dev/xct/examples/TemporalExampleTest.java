package dev.xct.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunStatus;
import dev.xct.core.protocol.Result;
import dev.xct.demo.k8s.Deployment;
import dev.xct.demo.k8s.InMemoryCluster;
import dev.xct.examples.tickets.ToolsDocTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemporalExampleTest {
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: (\\S+) -->\\n```java\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);

  @Test
  void inProcessRunDeletesNginxThroughTheToolActivityAndEndsDone() {
    InMemoryCluster cluster =
        InMemoryCluster.with(
            new Deployment("nginx", "nginx:1.27", 2, 2), new Deployment("redis", "redis:7", 1, 1));

    TemporalExample.Outcome outcome = TemporalExample.runInProcess(cluster);

    assertThat(outcome.summary().status()).isEqualTo(RunStatus.DONE);
    assertThat(outcome.summary().runId()).isEqualTo("temporal-example");
    assertThat(outcome.summary().message()).isEqualTo("nginx removed");
    assertThat(outcome.steps()).hasSize(3);
    assertThat(outcome.steps().get(1).result().orElseThrow()).isInstanceOf(Result.Success.class);
    assertThat(cluster.deployments()).extracting(Deployment::name).containsExactly("redis");
  }

  @Test
  void theTemporalDocQuotesTheExampleExactly() throws IOException {
    String doc = Files.readString(Path.of("../docs/temporal.md"), StandardCharsets.UTF_8);
    Matcher block = SNIPPET.matcher(doc);
    List<String> quoted = new ArrayList<>();
    while (block.find()) {
      assertThat(block.group(2)).as(block.group(1)).isEqualTo(ToolsDocTest.snippet(block.group(1)));
      quoted.add(block.group(1));
    }
    assertThat(quoted)
        .containsExactly(
            "xct-examples/src/main/java/dev/xct/examples/TemporalExample.java#worker",
            "xct-examples/src/main/java/dev/xct/examples/TemporalExample.java#run");
  }
}
