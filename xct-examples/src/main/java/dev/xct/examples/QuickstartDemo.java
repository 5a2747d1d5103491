package dev.xct.examples;

import dev.xct.core.ExecutionLoop;
import dev.xct.core.RunResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.test.ScriptedModelClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The seed's "create a file safely" scenario, with a scripted model (no API key, no network): the
 * model proposes a bad path and an unknown tool, is told why each was refused, corrects itself, and
 * only then does a real file get written in a temporary workspace.
 */
public final class QuickstartDemo {
  private QuickstartDemo() {}

  /** Runs the demo and prints its transcript. */
  public static void main(String[] args) throws IOException {
    Path workspace = Files.createTempDirectory("xct-demo-");
    ScriptedModelClient model =
        ScriptedModelClient.of(
            """
            {"next_step":{"tool":"notes.write","arguments":{"name":"../../etc/config.json",\
            "text":"{}"},"goal":"create the config"}}""",
            """
            {"next_step":{"tool":"fs.create","arguments":{"name":"config.json"},\
            "goal":"try another tool"}}""",
            """
            {"next_step":{"tool":"notes.write","arguments":{"name":"config.json",\
            "text":"{\\"debug\\":false}"},"goal":"create the config inside the workspace"}}""",
            """
            {"done":true,"message":"config.json created in the workspace"}""");

    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.of(new NotesWrite(workspace)))
            .listener(new TranscriptPrinter(System.out))
            .build();
    RunResult run = loop.run("Create config.json");

    System.out.println("workspace: " + workspace);
    System.out.println("config.json: " + Files.readString(workspace.resolve("config.json")));
    System.exit(run.isDone() ? 0 : 1);
  }

  /** A custom tool: writes a new text file directly in the workspace, nowhere else. */
  static final class NotesWrite implements Tool {
    private static final ToolSpec SPEC =
        ToolSpec.builder("notes.write")
            .description("Create a new text file directly in the workspace.")
            .inputSchema(
                """
                {"type":"object","additionalProperties":false,"required":["name","text"],
                 "properties":{"name":{"type":"string","pattern":"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$"},
                               "text":{"type":"string","maxLength":10000}}}""")
            .build();

    private final Path workspace;

    NotesWrite(Path workspace) {
      this.workspace = workspace;
    }

    @Override
    public ToolSpec spec() {
      return SPEC;
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      Args args = call.bind(Args.class);
      Path target = workspace.resolve(args.name());
      if (Files.exists(target)) {
        return Result.failure("ALREADY_EXISTS", args.name() + " already exists");
      }
      try {
        Files.writeString(target, args.text());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Result.success(Map.of("created", args.name(), "bytes", args.text().length()));
    }

    record Args(String name, String text) {}
  }
}
