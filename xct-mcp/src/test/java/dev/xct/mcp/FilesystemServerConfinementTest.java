package dev.xct.mcp;

import static dev.xct.mcp.EverythingServerInteropTest.DONE;
import static dev.xct.mcp.EverythingServerInteropTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.test.ScriptedModelClient;
import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XCT's client against {@code @modelcontextprotocol/server-filesystem}, with the attacks of
 * CVE-2025-53110 (a sibling directory sharing the allowed directory's name as a prefix) and
 * CVE-2025-53109 (a symbolic link inside the allowed directory pointing outside) stopped by an XCT
 * validator before the call is sent, whatever the server would have done.
 */
class FilesystemServerConfinementTest {
  private static final Set<String> READING =
      Set.of(
          "read_file",
          "read_text_file",
          "read_media_file",
          "read_multiple_files",
          "list_directory",
          "list_directory_with_sizes",
          "directory_tree",
          "search_files",
          "get_file_info");

  @TempDir Path base;
  private Path allowed;
  private Path sensitive;
  private Path outside;
  private McpSyncClient client;
  private McpTools files;

  @BeforeEach
  void startServer() throws IOException {
    base = base.toRealPath();
    allowed = Files.createDirectory(base.resolve("allowed"));
    sensitive = Files.createDirectory(base.resolve("allowed_sensitive"));
    outside = Files.createDirectory(base.resolve("outside"));
    Files.writeString(sensitive.resolve("secret.txt"), "sensitive");
    Files.writeString(outside.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(allowed.resolve("escape"), outside);
    Files.writeString(allowed.resolve("notes.txt"), "inside");
    client = ReferenceServers.filesystem(allowed);
    files = McpTools.builder(client, "files").build();
  }

  @AfterEach
  void stopServer() {
    client.closeGracefully();
  }

  private RunResult run(String... replies) {
    PathConfinement confinement =
        PathConfinement.builder().root(allowed, RootAccess.READ_WRITE).build();
    return ExecutionLoop.builder(ScriptedModelClient.of(replies), ToolRegistry.empty())
        .toolkit(files.toolkit())
        .validator(McpPathConfinement.confine(files, confinement, READING))
        .build()
        .run("work with files");
  }

  private static void assertStoppedByConfinement(Step step, String code) {
    assertThat(step).isInstanceOf(Step.Refused.class);
    VerdictRecord last = step.verdicts().get(step.verdicts().size() - 1);
    assertThat(last.validator()).isEqualTo("mcp-path-confinement");
    assertThat(((Result.Failure) step.result().orElseThrow()).code()).isEqualTo(code);
  }

  private static String path(Path path) {
    return JsonValue.from(path.toString()).toJson();
  }

  @Test
  void aSiblingWhoseNameStartsWithTheAllowedDirectoryIsRefusedBeforeTheCall() {
    // CVE-2025-53110: "/tmp/allowed_sensitive" starts with "/tmp/allowed" as a string.
    RunResult run =
        run(
            call(
                "files.read_text_file", "{\"path\":" + path(sensitive.resolve("secret.txt")) + "}"),
            call("files.list_directory", "{\"path\":" + path(sensitive) + "}"),
            DONE);

    assertStoppedByConfinement(run.steps().get(0), FsErrorCodes.PATH_OUTSIDE_ROOT);
    assertStoppedByConfinement(run.steps().get(1), FsErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @Test
  void aSymlinkInsideTheAllowedDirectoryPointingOutsideIsRefusedBeforeTheCall() {
    // CVE-2025-53109: allowed/escape -> outside; reading or writing through it leaves the root.
    Path through = allowed.resolve("escape");
    RunResult run =
        run(
            call("files.read_text_file", "{\"path\":" + path(through.resolve("secret.txt")) + "}"),
            call(
                "files.write_file",
                "{\"path\":" + path(through.resolve("planted.txt")) + ",\"content\":\"x\"}"),
            call(
                "files.move_file",
                "{\"source\":"
                    + path(allowed.resolve("notes.txt"))
                    + ",\"destination\":"
                    + path(through.resolve("notes.txt"))
                    + "}"),
            DONE);

    assertStoppedByConfinement(run.steps().get(0), FsErrorCodes.PATH_OUTSIDE_ROOT);
    assertStoppedByConfinement(run.steps().get(1), FsErrorCodes.PATH_OUTSIDE_ROOT);
    assertStoppedByConfinement(run.steps().get(2), FsErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(outside.resolve("planted.txt")).doesNotExist();
    assertThat(outside.resolve("notes.txt")).doesNotExist();
    assertThat(allowed.resolve("notes.txt")).hasContent("inside");
  }

  @Test
  void oneBadPathAmongManyRefusesTheWholeCall() {
    RunResult run =
        run(
            call(
                "files.read_multiple_files",
                "{\"paths\":["
                    + path(allowed.resolve("notes.txt"))
                    + ","
                    + path(allowed.resolve("escape/secret.txt"))
                    + "]}"),
            DONE);

    assertStoppedByConfinement(run.steps().get(0), FsErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"notes.txt", "~/.ssh/id_rsa", "../outside/secret.txt"})
  void aPathTheServerWouldResolveItsOwnWayIsRefused(String given) {
    RunResult run =
        run(
            call("files.read_text_file", "{\"path\":" + JsonValue.from(given).toJson() + "}"),
            DONE);

    assertStoppedByConfinement(run.steps().get(0), FsErrorCodes.INVALID_PATH);
  }

  @Test
  void pathsInsideTheAllowedDirectoryReachTheServer() {
    Path created = allowed.resolve("created.txt");
    RunResult run =
        run(
            call("files.write_file", "{\"path\":" + path(created) + ",\"content\":\"hello\"}"),
            call("files.read_text_file", "{\"path\":" + path(created) + "}"),
            DONE);

    assertThat(run.steps()).extracting(Step::executed).containsExactly(true, true, false);
    assertThat(created).hasContent("hello");
    assertThat(run.steps().get(1).result().orElseThrow()).isInstanceOf(Result.Success.class);
    assertThat(run.steps().get(1).result().orElseThrow().toString()).contains("hello");
  }

  @Test
  void aToolErrorOfTheServerBecomesMcpToolError() {
    RunResult run =
        run(
            call("files.read_text_file", "{\"path\":" + path(allowed.resolve("missing.txt")) + "}"),
            DONE);

    Step step = run.steps().get(0);
    assertThat(step.executed()).isTrue();
    Result.Failure failure = (Result.Failure) step.result().orElseThrow();
    assertThat(failure.code()).isEqualTo(McpErrorCodes.MCP_TOOL_ERROR);
    assertThat(failure.message()).contains("ENOENT");
    assertThat(failure.details().get("content")).isPresent();
  }

  @Test
  void withoutTheValidatorTheSameAttackReachesTheServer() {
    // The control: what the validator above prevents. The server (patched since) refuses on its
    // own, but the call was sent: confinement that depends on the server is the server's.
    RunResult run =
        ExecutionLoop.builder(
                ScriptedModelClient.of(
                    call(
                        "files.read_text_file",
                        "{\"path\":" + path(sensitive.resolve("secret.txt")) + "}"),
                    DONE),
                ToolRegistry.empty())
            .toolkit(files.toolkit())
            .build()
            .run("read");

    assertThat(run.steps().get(0).executed()).isTrue();
    assertThat(List.of(McpErrorCodes.MCP_TOOL_ERROR))
        .contains(((Result.Failure) run.steps().get(0).result().orElseThrow()).code());
  }
}
