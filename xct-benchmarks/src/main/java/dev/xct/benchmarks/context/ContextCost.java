package dev.xct.benchmarks.context;

import dev.xct.benchmarks.context.Contexts.Context;
import dev.xct.benchmarks.context.Contexts.Factory;
import dev.xct.benchmarks.context.PromptTokens.Message;
import dev.xct.core.Step;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsTools;
import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Sandbox;
import dev.xct.tools.shell.ShellTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports what a run's requests cost in prompt tokens when each request's context is built by XCT's
 * renderer before issue 17, XCT's default renderer, and LangChain4j's and Spring AI's window
 * memories, all fed the same history: prompt tokens (o200k_base), the tokens a provider's prompt
 * cache reuses under OpenAI's rule, the rest (uncached), and what they cost at a stated price.
 * Prints Markdown tables. Usage: {@code ContextCost [steps...]} (default 50 200 400).
 */
public final class ContextCost {
  /** GPT-5's list prices in dollars per million tokens (input, cached input), August 2025. */
  static final double INPUT = 1.25;

  static final double CACHED_INPUT = 0.125;
  static final String TASK =
      "Find out why refunds for cancelled orders are booked twice, fix it and run the tests.";

  private ContextCost() {}

  public static void main(String[] args) throws IOException {
    List<Integer> lengths = new ArrayList<>();
    for (String arg : args) {
      lengths.add(Integer.parseInt(arg));
    }
    if (lengths.isEmpty()) {
      lengths = List.of(50, 200, 400);
    }
    List<ToolSpec> tools = catalog();
    PromptTokens counter = new PromptTokens();
    Map<String, Factory> contexts = new LinkedHashMap<>();
    contexts.put(
        "XCT before (sliding window)", Contexts.xct(new SlidingWindowRenderer(120_000, 8_000)));
    contexts.put("XCT default (this change)", Contexts.xct(DefaultContextRenderer.create()));
    contexts.put("LangChain4j MessageWindowChatMemory(20)", Contexts.langChain4jMessageWindow(20));
    contexts.put(
        "LangChain4j TokenWindowChatMemory(30,000)",
        Contexts.langChain4jTokenWindow(30_000, counter));
    contexts.put("Spring AI MessageWindowChatMemory(20)", Contexts.springAi(20));

    System.out.printf(
        Locale.ROOT,
        "Tool catalog: %d tools; system prompt %d tokens. Prices: $%.3f / $%.3f per million"
            + " uncached / cached input tokens.%n",
        tools.size(),
        counter.tokens(dev.xct.core.internal.context.ContextText.systemPrompt(tools)).length,
        INPUT,
        CACHED_INPUT);
    report("uniform 2 kB results, 400 steps", Histories.uniform(400), tools, contexts, counter);
    for (int steps : lengths) {
      report(
          "realistic mix, " + steps + " steps",
          Histories.realistic(steps),
          tools,
          contexts,
          counter);
    }
  }

  private static void report(
      String title,
      List<Step> history,
      List<ToolSpec> tools,
      Map<String, Factory> contexts,
      PromptTokens counter) {
    long chars = 0;
    int failed = 0;
    for (Step step : history) {
      chars +=
          step.rawReply().length()
              + dev.xct.core.internal.context.ContextText.response(step).length();
      failed += step.failed() ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%n### %s (%d failed; %,d characters of replies and responses)%n%n",
        title,
        failed,
        chars);
    System.out.println(
        "| context | prompt tokens | in a reusable prefix | reused after the first request"
            + " | requests ≥ 90% reused | uncached | uncached ÷ XCT before | largest request |"
            + " cost |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    Long baseline = null;
    for (Map.Entry<String, Factory> entry : contexts.entrySet()) {
      Tally tally = replay(entry.getValue().start(TASK, tools), history, counter);
      long uncached = tally.prompt - tally.cached;
      baseline = baseline == null ? uncached : baseline;
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %,d | %.1f%% | %d of %d | %,d | %.3f | %,d | $%.2f |%n",
          entry.getKey(),
          tally.prompt,
          tally.cached,
          100.0 * tally.cached / (tally.prompt - tally.first),
          tally.atLeast90,
          tally.requests - 1,
          uncached,
          (double) uncached / baseline,
          tally.largest,
          (uncached * INPUT + tally.cached * CACHED_INPUT) / 1e6);
    }
  }

  private static Tally replay(Context context, List<Step> history, PromptTokens counter) {
    Tally tally = new Tally();
    List<Message> previous = null;
    for (Step step : history) {
      List<Message> request = context.request();
      long tokens = counter.count(request);
      tally.requests++;
      tally.prompt += tokens;
      tally.largest = Math.max(tally.largest, tokens);
      if (previous == null) {
        tally.first = tokens;
      } else {
        long cached = PromptTokens.cached(counter.sharedPrefix(previous, request));
        tally.cached += cached;
        tally.atLeast90 += cached >= 0.9 * tokens ? 1 : 0;
      }
      previous = request;
      context.add(step);
    }
    return tally;
  }

  private static List<ToolSpec> catalog() throws IOException {
    Path root = Files.createTempDirectory("context-cost");
    List<ToolSpec> specs = new ArrayList<>();
    for (Tool tool : FsTools.forRoot(root).toolkit().tools()) {
      specs.add(tool.spec());
    }
    for (Tool tool :
        ShellTools.builder()
            .root(root)
            .searchPath(Path.of("/usr/bin"), Path.of("/bin"))
            .allow(Presets.all())
            .sandbox(Sandbox.unconfined())
            .build()
            .toolkit()
            .tools()) {
      specs.add(tool.spec());
    }
    Files.delete(root);
    return List.copyOf(specs);
  }

  /** What one run's requests added up to. */
  private static final class Tally {
    int requests;
    long prompt;
    long cached;
    long first;
    long largest;
    int atLeast90;
  }
}
