package dev.xct.examples;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Description;
import dev.xct.core.tool.JsonSchemas;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.tool.TypedTool;
import dev.xct.test.ScriptedModelClient;
import java.io.IOException;
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

  /** The custom tool's arguments; the JSON Schema the model sees is generated from it. */
  record NoteArgs(
      @Description("file name, directly in the workspace") String name,
      @Description("the file's text") String text) {}

  /** A custom tool: writes a new text file directly in the workspace, nowhere else. */
  static final class NotesWrite extends TypedTool<NoteArgs> {
    private final Path workspace;

    NotesWrite(Path workspace) {
      super(
          ToolSpec.builder("notes.write")
              .description("Create a new text file directly in the workspace.")
              .inputSchema(
                  JsonSchemas.forRecord(
                      NoteArgs.class,
                      Map.of(
                          "name",
                              JsonValue.parse("{\"pattern\":\"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$\"}"),
                          "text", JsonValue.parse("{\"maxLength\":10000}")))),
          NoteArgs.class);
      this.workspace = workspace;
    }

    @Override
    public Result execute(NoteArgs args, ToolContext context) {
      Path target = workspace.resolve(args.name());
      if (Files.exists(target)) {
        return Result.failure("ALREADY_EXISTS", args.name() + " already exists");
      }
      try {
        Files.writeString(target, args.text());
      } catch (IOException e) {
        return Result.failure("IO_ERROR", "could not write " + args.name());
      }
      return Result.success(Map.of("created", args.name(), "bytes", args.text().length()));
    }
  }
}
