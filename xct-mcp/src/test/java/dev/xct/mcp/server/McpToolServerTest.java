package dev.xct.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Budgets;
import dev.xct.test.RecordingTool;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server in process, over piped streams, spoken to in raw JSON-RPC lines as any host would:
 * concurrent calls decided one at a time, a run whose budget ran out answering later calls with
 * {@code MCP_RUN_ENDED}, and the end of the host's input ending the run.
 */
class McpToolServerTest {
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger mostActive = new AtomicInteger();
  private final RecordingTool echo =
      RecordingTool.answering(
          ToolSpec.builder("test.echo")
              .description("Echoes n.")
              .inputSchema(
                  "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},"
                      + "\"required\":[\"n\"]}")
              .build(),
          (call, context) -> {
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            active.decrementAndGet();
            return Result.success(Map.of("n", call.arguments().toNode().get("n").asInt()));
          });

  /** A host at the other end of the pipes. */
  private final class Host {
    final PipedOutputStream toServer = new PipedOutputStream();
    final PipedInputStream fromServer = new PipedInputStream(1 << 16);
    final BufferedReader lines;
    final CompletableFuture<RunResult> served;

    Host(Budgets budgets) throws IOException {
      PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
      OutputStream serverOut = new PipedOutputStream(fromServer);
      lines = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
      served =
          CompletableFuture.supplyAsync(
              () ->
                  McpToolServer.serve(
                      (model, approver) ->
                          ExecutionLoop.builder(model, ToolRegistry.of(echo))
                              .budgets(budgets)
                              .build(),
                      "serve the test tool",
                      serverIn,
                      serverOut));
      send(
          "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
              + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
              + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
      assertThat(read()).containsKey("result");
      send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    void send(String line) throws IOException {
      toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      toServer.flush();
    }

    void call(int id, int n) throws IOException {
      send(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"method\":\"tools/call\",\"params\":{\"name\":\"test.echo\","
              + "\"arguments\":{\"n\":"
              + n
              + "}}}");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> read() throws IOException {
      return McpJsonDefaults.getMapper().readValue(lines.readLine(), Map.class);
    }

    /** Reads {@code count} responses and returns their results by request id. */
    @SuppressWarnings("unchecked")
    Map<Integer, Map<String, Object>> results(int count) throws IOException {
      Map<Integer, Map<String, Object>> byId = new HashMap<>();
      while (byId.size() < count) {
        Map<String, Object> message = read();
        if (message.containsKey("id")) {
          byId.put(
              ((Number) message.get("id")).intValue(), (Map<String, Object>) message.get("result"));
        }
      }
      return byId;
    }

    /** Ends the host's input, as a host closing the session does. */
    void endInput() throws IOException {
      toServer.close();
    }
  }

  @Test
  void concurrentCallsAreAllAnsweredAndDecidedOneAtATime() throws Exception {
    Host host = new Host(Budgets.defaults());
    for (int id = 1; id <= 5; id++) {
      host.call(id, id * 10);
    }

    Map<Integer, Map<String, Object>> results = host.results(5);

    for (int id = 1; id <= 5; id++) {
      assertThat(results.get(id)).containsEntry("isError", false);
      assertThat(results.get(id).get("structuredContent")).isEqualTo(Map.of("n", id * 10));
    }
    assertThat(echo.callCount()).isEqualTo(5);
    assertThat(mostActive).hasValue(1);
    host.endInput();
    assertThat(host.served.join().steps()).hasSize(6); // five calls, then done
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRunWhoseBudgetRanOutAnswersLaterCallsWithMcpRunEnded() throws Exception {
    Host host = new Host(Budgets.builder().maxSteps(1).build());
    host.call(1, 1);
    assertThat(host.results(1).get(1)).containsEntry("isError", false);

    host.call(2, 2);
    Map<String, Object> ended = host.results(1).get(2);

    assertThat(ended).containsEntry("isError", true);
    assertThat((Map<String, Object>) ended.get("structuredContent"))
        .containsEntry("code", "MCP_RUN_ENDED");
    assertThat(echo.callCount()).isEqualTo(1);
    host.endInput();
    assertThat(host.served.join().status()).isEqualTo(RunStatus.LIMIT_REACHED);
  }

  @Test
  void theEndOfTheHostsInputEndsTheRunDone() throws Exception {
    Host host = new Host(Budgets.defaults());

    host.endInput();

    RunResult result = host.served.join();
    assertThat(result.status()).isEqualTo(RunStatus.DONE);
    assertThat(result.steps()).hasSize(1);
    assertThat(result.message()).contains("closed the session");
  }
}
