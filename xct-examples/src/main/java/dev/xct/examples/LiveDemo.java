package dev.xct.examples;

import dev.xct.core.RunResult;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.model.openai.OpenAiModelClient;
import dev.xct.model.support.TokenBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The quick-start scenario with a real model behind any OpenAI-compatible endpoint, configured from
 * the environment: {@code XCT_MODEL_URL} (for example {@code http://localhost:11434/v1} for
 * Ollama), {@code XCT_MODEL}, and {@code XCT_API_KEY} where the endpoint wants one. The model may
 * do anything it likes with the task; the loop lets it write one file directly in a temporary
 * workspace, within 20 steps and 200,000 tokens.
 */
public final class LiveDemo {
  private LiveDemo() {}

  /** Runs the demo and prints its transcript; the task may be given as arguments. */
  public static void main(String[] args) throws IOException {
    Path workspace = Files.createTempDirectory("xct-live-");
    String task =
        args.length > 0
            ? String.join(" ", args)
            : "Create config.json containing a JSON object with \"debug\" set to false.";
    OpenAiModelClient model = OpenAiModelClient.fromEnvironment();

    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.of(new QuickstartDemo.NotesWrite(workspace)))
            .budgets(Budgets.builder().maxSteps(20).build())
            .validator(TokenBudget.maxTokens(200_000))
            .listener(new TranscriptPrinter(System.out))
            .build();
    System.out.println("model: " + model);
    RunResult run = loop.run(task);

    System.out.println("workspace: " + workspace);
    System.out.println("tokens: " + run.usage());
    System.exit(run.isDone() ? 0 : 1);
  }
}
