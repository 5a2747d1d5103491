package dev.xct.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Budgets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the prefix property of the default context in long scripted runs: each request's messages
 * are the previous request's plus the new step's two, except at the documented compaction points (a
 * masking batch every {@code recentSteps} steps, a drain when the budget overflows); the recent
 * window is verbatim, errors stay, and the same run renders the same requests.
 */
class AppendOnlyContextTest {
  private static final String FILLER =
      "public final class Example { private final int value; Example(int v) { value = v; } }\n";

  /** Reads a "source file" of about 2 kB; every seventh path is missing. */
  static final class ReadSource implements Tool {
    @Override
    public ToolSpec spec() {
      return ToolSpec.builder("src.read")
          .description("Read a source file.")
          .inputSchema(
              "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"path\"],"
                  + "\"properties\":{\"path\":{\"type\":\"string\"}}}")
          .readOnly()
          .build();
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      String path = call.arguments().get("path").flatMap(v -> v.asString()).orElseThrow();
      int n = Integer.parseInt(path.substring(1));
      if (n % 7 == 0) {
        return Result.failure("NOT_FOUND", "no such file: " + path, Map.of("path", path));
      }
      return Result.success(Map.of("path", path, "content", n + FILLER.repeat(23)));
    }
  }

  /** Proposes reading f1, f2, …; every thirteenth reply is not JSON; done after {@code steps}. */
  static final class Reader implements ModelClient {
    final int steps;
    final List<ModelRequest> requests = new ArrayList<>();

    Reader(int steps) {
      this.steps = steps;
    }

    @Override
    public ModelReply next(ModelRequest request) {
      requests.add(request);
      int n = request.step();
      if (n > steps) {
        return ModelReply.of("{\"done\":true,\"message\":\"read them all\"}");
      }
      return ModelReply.of(
          n % 13 == 0
              ? "let me think about f" + n
              : "{\"next_step\":{\"tool\":\"src.read\",\"arguments\":{\"path\":\"f"
                  + n
                  + "\"},\"goal\":\"read the next file\"}}");
    }
  }

  private static List<ModelRequest> run(int steps, DefaultContextRenderer renderer) {
    Reader model = new Reader(steps);
    RunResult result =
        ExecutionLoop.builder(model, ToolRegistry.of(new ReadSource()))
            .renderer(renderer)
            .budgets(Budgets.builder().maxSteps(steps + 1).maxConsecutiveErrors(50).build())
            .inlineTools()
            .build()
            .run("Read the sources.");
    assertThat(result.isDone()).isTrue();
    return model.requests;
  }

  @Test
  void eachRequestExtendsThePreviousOneExceptWhereABatchIsMaskedAt400Steps() {
    List<ModelRequest> requests = run(400, DefaultContextRenderer.create());

    List<Integer> breaks = breaks(requests);

    List<Integer> maskingPoints = new ArrayList<>();
    for (int n = 20; n <= 400; n += 10) {
      maskingPoints.add(n);
    }
    assertThat(breaks).as("transcript sizes where the prefix broke").isEqualTo(maskingPoints);
    // The default budget holds 400 steps of 2 kB once they are masked: nothing is ever dropped.
    assertThat(requests).allMatch(r -> !r.messages().get(1).content().contains("omitted"));
    assertThat(reusedShare(requests)).isGreaterThan(0.9);
  }

  @Test
  void aFullBudgetIsDrainedInRareBatchesAndStaysBounded() {
    DefaultContextRenderer renderer =
        DefaultContextRenderer.builder().maxChars(30_000).recentSteps(3).build();
    List<ModelRequest> requests = run(300, renderer);

    List<Integer> drains = new ArrayList<>();
    for (int i = 1; i < requests.size(); i++) {
      List<ChatMessage> before = requests.get(i - 1).messages();
      List<ChatMessage> after = requests.get(i).messages();
      assertThat(size(after)).isLessThanOrEqualTo(30_000);
      if (!before.get(1).equals(after.get(1))) {
        drains.add(requests.get(i).transcript().size());
        assertThat(after.get(1).content()).contains("are omitted to fit the context");
      }
    }
    List<Integer> breaks = breaks(requests);
    assertThat(breaks).containsAll(drains);
    assertThat(breaks).allMatch(n -> n % 3 == 0 || drains.contains(n));
    assertThat(drains).as("drains in 300 steps").hasSizeBetween(2, 5);
    assertThat(reusedShare(requests)).isGreaterThan(0.7);
  }

  @Test
  void theRecentWindowIsVerbatimAndEveryKeptErrorIsInFull() {
    for (ModelRequest request : run(120, DefaultContextRenderer.create())) {
      int n = request.transcript().size();
      List<ChatMessage> messages = request.messages();
      int firstShown = n - (messages.size() - 2) / 2;
      for (int i = firstShown; i < n; i++) {
        String response = messages.get(2 + 2 * (i - firstShown) + 1).content();
        int number = i + 1;
        boolean masked = response.contains("\"masked\"");
        assertThat(masked)
            .as("step %d masked in request %d", number, n + 1)
            .isEqualTo(i < n - 10 && i < (n / 10 - 1) * 10 && number % 13 != 0 && number % 7 != 0);
        if (number % 7 == 0 && number % 13 != 0) {
          assertThat(response).contains("\"code\":\"NOT_FOUND\"", "no such file: f" + number);
        }
        assertThat(messages.get(2 + 2 * (i - firstShown)).content())
            .isEqualTo(request.transcript().get(i).rawReply());
      }
    }
  }

  @Test
  void theSameRunRendersTheSameRequests() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(20_000).build();
    List<ModelRequest> first = run(150, renderer);
    List<ModelRequest> second = run(150, DefaultContextRenderer.builder().maxChars(20_000).build());

    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).messages()).isEqualTo(first.get(i).messages());
      assertThat(
              renderer.render(
                  "Read the sources.",
                  first.get(i).tools(),
                  List.copyOf(first.get(i).transcript())))
          .isEqualTo(first.get(i).messages());
    }
  }

  /** Returns the transcript sizes of the requests that do not extend the previous one. */
  private static List<Integer> breaks(List<ModelRequest> requests) {
    List<Integer> breaks = new ArrayList<>();
    for (int i = 1; i < requests.size(); i++) {
      List<ChatMessage> before = requests.get(i - 1).messages();
      List<ChatMessage> after = requests.get(i).messages();
      boolean extended =
          after.size() == before.size() + 2 && after.subList(0, before.size()).equals(before);
      if (!extended) {
        breaks.add(requests.get(i).transcript().size());
      }
    }
    return breaks;
  }

  /** Returns the share of characters, after the first request, in the previous request's prefix. */
  private static double reusedShare(List<ModelRequest> requests) {
    long reused = 0;
    long total = 0;
    for (int i = 1; i < requests.size(); i++) {
      String before = text(requests.get(i - 1).messages());
      String after = text(requests.get(i).messages());
      int common = 0;
      int limit = Math.min(before.length(), after.length());
      while (common < limit && before.charAt(common) == after.charAt(common)) {
        common++;
      }
      reused += common;
      total += after.length();
    }
    return (double) reused / total;
  }

  private static String text(List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder();
    messages.forEach(m -> out.append(m.role()).append(':').append(m.content()).append('\n'));
    return out.toString();
  }

  private static int size(List<ChatMessage> messages) {
    return messages.stream().mapToInt(m -> m.content().length()).sum();
  }
}
