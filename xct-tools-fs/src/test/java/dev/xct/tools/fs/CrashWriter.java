package dev.xct.tools.fs;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link AtomicWriteCrashTest}: overwrites {@code data.txt} in the given root
 * with the two contents in turn, forever, printing {@code w i} before and {@code d i} after each
 * write, until it is killed. The second argument chooses durable (forced) or not-durable writes.
 */
public final class CrashWriter {
  static final int SIZE = 2 << 20;

  private CrashWriter() {}

  /** Returns one of the two contents: "old" or "new", each {@link #SIZE} bytes and more. */
  static String content(boolean fresh) {
    return (fresh ? "new:" : "old:") + String.valueOf(fresh ? 'n' : 'o').repeat(SIZE) + "\n";
  }

  /** Runs the write loop in {@code args[0]}, durably if {@code args[1]} is {@code true}. */
  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    FsTools fs =
        FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
            .maxReadBytes(8 << 20)
            .maxWriteBytes(8 << 20)
            .durableWrites(Boolean.parseBoolean(args[1]))
            .build();
    Tool write =
        fs.tools().stream()
            .filter(t -> t.spec().name().equals("fs.write"))
            .findFirst()
            .orElseThrow();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    JsonValue[] arguments = new JsonValue[2];
    for (int i = 0; i < 2; i++) {
      arguments[i] =
          JsonValue.from(
              Map.of("path", "data.txt", "content", content(i == 0), "mode", "overwrite"));
    }
    for (int i = 0; ; i++) {
      ToolCall call = new ToolCall("fs.write", arguments[i % 2], "crash test");
      out.println("w " + i);
      Result result = write.execute(call, FsHarness.context());
      out.println(result.isSuccess() ? "d " + i : "failed " + result);
    }
  }
}
