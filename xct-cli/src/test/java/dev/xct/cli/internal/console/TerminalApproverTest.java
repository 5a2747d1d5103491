package dev.xct.cli.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalApproverTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ApprovalDecision answer(String typed, boolean interactive) {
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new BufferedReader(new StringReader(typed)),
            new Style(false),
            interactive);
    return new TerminalApprover(
            console, new Transcript(console.out(), console.style()), console.out())
        .decide(request());
  }

  private static ApprovalRequest request() {
    JsonValue arguments = JsonValue.parse("{\"path\":\"pom.xml\",\"content\":\"<project/>\"}");
    return new ApprovalRequest(
        "run-1",
        3,
        Decision.propose("fs.write", arguments, "update the build"),
        ToolSpec.builder("fs.write").build(),
        ActionDigest.of("fs.write", arguments),
        "policy rule 'build-changes' requires approval",
        JsonValue.parse(
            "{\"resolved\":\"/work/pom.xml\",\"diff\":\"--- a/pom.xml\\n+++ b/pom.xml\\n-<old/>\\n+<project/>\"}"));
  }

  private String shown() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void showsTheResolvedPathAndTheDiffBeforeAsking() {
    answer("a\n", true);

    assertThat(shown())
        .contains("? approval needed: policy rule 'build-changes' requires approval")
        .contains("tool:      fs.write")
        .contains("path:      /work/pom.xml")
        .contains("-<old/>")
        .contains("+<project/>");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("approve [a], deny [d] or stop [s]?");
  }

  @Test
  void showsTheResolvedArgvAndWorkingDirectoryOfACommand() {
    JsonValue arguments = JsonValue.parse("{\"argv\":[\"systemctl\",\"restart\",\"web\"]}");
    ApprovalRequest command =
        new ApprovalRequest(
            "run-1",
            4,
            Decision.propose("shell.exec", arguments, "restart"),
            ToolSpec.builder("shell.exec").build(),
            ActionDigest.of("shell.exec", arguments),
            "policy rule 'restarts' requires approval",
            JsonValue.parse(
                "{\"command\":[\"/usr/bin/systemctl\",\"restart\",\"web\"],\"cwd\":\"/srv\"}"));
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new BufferedReader(new StringReader("s\n")),
            new Style(false),
            true);

    new TerminalApprover(console, new Transcript(console.out(), console.style()), console.out())
        .decide(command);

    assertThat(shown())
        .contains("argv:      [\"/usr/bin/systemctl\",\"restart\",\"web\"]")
        .contains("cwd:       /srv");
  }

  @Test
  void approvalIsBoundToTheExactActionShown() {
    ApprovalDecision decision = answer("a\n", true);

    assertThat(decision).isInstanceOf(ApprovalDecision.Approve.class);
    assertThat(((ApprovalDecision.Approve) decision).action()).isEqualTo(request().action());
  }

  @Test
  void denialCarriesThePersonsReasonToTheModel() {
    assertThat(answer("d\nkeep the old build\n", true))
        .isEqualTo(ApprovalDecision.deny("keep the old build"));
  }

  @Test
  void stopEndsTheRun() {
    assertThat(answer("s\n", true)).isInstanceOf(ApprovalDecision.Stop.class);
  }

  @Test
  void unclearAnswersAreAskedAgain() {
    assertThat(answer("maybe\n\nyes?\nd\n\n", true))
        .isEqualTo(ApprovalDecision.deny("denied by the operator"));
  }

  @Test
  void endOfInputDenies() {
    assertThat(answer("", true)).isInstanceOf(ApprovalDecision.Deny.class);
  }

  @Test
  void withoutATerminalNothingIsAskedAndTheActionIsDenied() {
    ApprovalDecision decision = answer("a\n", false);

    assertThat(decision)
        .isEqualTo(
            ApprovalDecision.deny("no terminal to ask for approval; the action was not approved"));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
