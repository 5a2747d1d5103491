package dev.xct.tools.fs;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link AtomicWriteCrashTest}: overwrites {@code data.txt} in the given root
 * with the two contents in turn, forever, printing {@code w i} before and {@code d i} after each
 * write, until it is killed. The second argument chooses durable (forced) or not-durable writes.
 *
 * <p>With a third argument {@code n}, a thread watches the root and, as soon as the temporary file
 * of write {@code n} (or, if it missed that short window, of a later one) exists, prints {@code t}
 * and halts the JVM on the spot, so that the process dies inside the write however long the
 * parent's SIGKILL would take to arrive. A write that is not forced keeps its temporary file for a
 * millisecond or two: too short for a kill sent from another process to land inside it reliably.
 */
public final class CrashWriter {
  static final int SIZE = 2 << 20;

  private static volatile int writing = -1;

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
        fs.toolkit().tools().stream()
            .filter(t -> t.spec().name().equals("fs.write"))
            .findFirst()
            .orElseThrow();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length > 2) {
      int target = Integer.parseInt(args[2]);
      Thread writer = Thread.currentThread();
      Thread stopper = new Thread(() -> stopInside(root, target, writer), "stopper");
      stopper.setDaemon(true);
      stopper.start();
    }
    JsonValue[] arguments = new JsonValue[2];
    for (int i = 0; i < 2; i++) {
      arguments[i] =
          JsonValue.from(
              Map.of("path", "data.txt", "content", content(i == 0), "mode", "overwrite"));
    }
    for (int i = 0; ; i++) {
      ToolCall call = new ToolCall("fs.write", arguments[i % 2], "crash test");
      out.println("w " + i);
      writing = i;
      Result result = write.execute(call, FsHarness.context());
      out.println(result.isSuccess() ? "d " + i : "failed " + result);
    }
  }

  /**
   * Spins until a write from number {@code target} on has a temporary file, prints {@code t} on
   * stderr through a stream of its own (the writer may hold {@code System.out}'s lock), and halts
   * the JVM at once. {@link Runtime#halt} runs no shutdown hook and lets no other thread go on: the
   * writer stops at its next safepoint, inside the write, and the kernel closes its files, which to
   * the file system is what SIGKILL does. (The parent's SIGKILL that follows finds the process gone
   * or going.) It works on every JDK, unlike {@code Thread.suspend}, which JDK 20 removed.
   */
  private static void stopInside(Path root, int target, Thread writer) {
    FileOutputStream err = new FileOutputStream(FileDescriptor.err);
    try {
      while (true) {
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(root, ".xct-*")) {
          if (writing >= target && temporaries.iterator().hasNext() && writer.isAlive()) {
            err.write("t\n".getBytes(StandardCharsets.US_ASCII));
            Runtime.getRuntime().halt(137);
          }
        }
      }
    } catch (IOException e) {
      System.err.println("failed to list the root: " + e);
    }
  }
}
