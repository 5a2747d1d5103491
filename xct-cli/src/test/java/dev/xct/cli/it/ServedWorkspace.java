package dev.xct.cli.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory the {@code xct mcp serve} tests serve: a workspace with {@code notes.txt}, a file
 * outside it, and a policy that allows reads, asks for writes ({@code writes-need-approval}) and
 * allows {@code ls} alone through the shell; and the command that serves it.
 */
final class ServedWorkspace {
  private ServedWorkspace() {}

  /** Writes the workspace, the file outside it and the policy into {@code dir}. */
  static void create(Path dir) throws IOException {
    Files.createDirectory(dir.resolve("ws"));
    Files.writeString(dir.resolve("ws/notes.txt"), "hello from the workspace");
    Files.writeString(dir.resolve("secret.txt"), "outside the roots");
    Files.writeString(
        dir.resolve("policy.yaml"),
        """
        version: 1
        roots: [{path: ., access: read-write}]
        tools: ["fs.read", "fs.write", "shell.exec"]
        rules:
          - allow: fs.read
          - id: writes-need-approval
            ask: fs.write
            reason: a person reviews each change
          - allow: shell.exec
        shell:
          sandbox: unconfined
          programs: [{preset: ls}]
        """);
  }

  /** Returns the command that serves {@code dir}, journaling to {@code journal.jsonl} there. */
  static List<String> serveCommand(Path dir) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar",
        Path.of(System.getProperty("xct.jar", "target/xct.jar")).toAbsolutePath().toString(),
        "mcp",
        "serve",
        "--policy",
        dir.resolve("policy.yaml").toString(),
        "--workspace",
        dir.resolve("ws").toString(),
        "--journal",
        dir.resolve("journal.jsonl").toString());
  }
}
