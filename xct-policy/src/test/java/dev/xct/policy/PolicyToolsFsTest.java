package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file tools built from a policy, as {@code xct run} and {@code xct replay} build them, apply
 * its {@code fs} section. A hard link in the workspace to a file outside it stands in for one
 * another process arranged.
 */
class PolicyToolsFsTest {
  private static final String SECRET = "CANARY-hard-linked-3b9c\n";

  @TempDir Path dir;
  Path workspace;

  @BeforeEach
  void layOut() throws IOException {
    workspace = Files.createDirectory(dir.resolve("workspace"));
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Files.createLink(workspace.resolve("hl"), secret);
  }

  private Tool read(String fs) {
    PolicyFile policy =
        PolicyFile.parse(
            """
            version: 1
            roots: [{path: ., access: read-write}]
            tools: ["fs.*"]
            rules: []
            %s
            """
                .formatted(fs),
            "p.yaml",
            false);
    return PolicyTools.of(policy, workspace).toolkit().tools().stream()
        .filter(t -> t.spec().name().equals("fs.read"))
        .findFirst()
        .orElseThrow();
  }

  private static Result call(Tool tool, String path) {
    ToolContext context =
        new ToolContext(
            "run",
            1,
            Instant.now().plus(Duration.ofSeconds(60)),
            CancellationToken.create(),
            Clock.systemUTC());
    return tool.execute(
        new ToolCall(tool.spec().name(), JsonValue.from(Map.of("path", path)), "test"), context);
  }

  @Test
  void theFileToolsRefuseToReadAHardLinkToAFileOutsideTheWorkspaceByDefault() {
    Result result = call(read("fs: {deny: [build]}"), "hl");

    assertThat(result)
        .isInstanceOfSatisfying(
            Result.Failure.class,
            f -> assertThat(f.code()).isEqualTo(FsErrorCodes.HARD_LINK_NOT_ALLOWED));
    assertThat(result.toString()).doesNotContain(SECRET.strip());
  }

  @Test
  void hardLinksRefuseWritesInThePolicyLetsTheFileToolsReadHardLinkedFiles() {
    Result result = call(read("fs: {hard_links: refuse-writes}"), "hl");

    assertThat(result)
        .isInstanceOfSatisfying(
            Result.Success.class,
            s ->
                assertThat(s.result().get("content").flatMap(JsonValue::asString))
                    .contains(SECRET));
  }
}
