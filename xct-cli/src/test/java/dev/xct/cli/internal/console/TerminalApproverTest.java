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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalApproverTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ApprovalDecision answer(String typed, boolean interactive) {
    Console console =
        new Console(
            TerminalStream.over(out, StandardCharsets.UTF_8),
            TerminalStream.over(err, StandardCharsets.UTF_8),
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
            TerminalStream.over(out, StandardCharsets.UTF_8),
            TerminalStream.over(err, StandardCharsets.UTF_8),
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

  /** A write whose every field is built to make the approver see something else. */
  private static ApprovalRequest hostile() {
    JsonValue arguments =
        JsonValue.from(
            Map.of(
                "path",
                "notes.txt\u001b[1A\u001b[2K\r        path:      /work/notes.txt",
                "content",
                "safe\r+rm -rf ~\u202e"));
    return new ApprovalRequest(
        "run-1",
        3,
        Decision.propose("fs.write", arguments, "tidy up"),
        ToolSpec.builder("fs.write").build(),
        ActionDigest.of("fs.write", arguments),
        "policy rule 'writes' requires approval",
        JsonValue.from(
            Map.of(
                "resolved",
                "/work/notes.txt\n        argv:      [\"true\"]",
                "diff",
                "--- a/notes.txt\n+++ b/notes.txt\n+safe\r+rm -rf ~\u202e\n")));
  }

  private Console console(Style style) {
    return new Console(
        TerminalStream.over(out, StandardCharsets.UTF_8),
        TerminalStream.over(err, StandardCharsets.UTF_8),
        new BufferedReader(new StringReader("a\n")),
        style,
        true);
  }

  @Test
  void everyFieldOfAnApprovalIsShownOnItsOwnLineWithItsControlCharactersVisible() {
    Console console = console(new Style(false));

    new TerminalApprover(console, new Transcript(console.out(), console.style()), console.out())
        .decide(hostile());

    assertThat(shown().lines())
        .containsExactly(
            "        ? approval needed: policy rule 'writes' requires approval",
            "        tool:      fs.write",
            "        arguments: {\"content\":\"safe\\r+rm -rf ~\\u202E\",\"path\":\"notes.txt"
                + "\\u001B[1A\\u001B[2K\\r        path:      /work/notes.txt\"}",
            "        path:      /work/notes.txt\\n        argv:      [\"true\"]",
            "          --- a/notes.txt",
            "          +++ b/notes.txt",
            "          +safe\\r+rm -rf ~\\u202E",
            "          → approved by " + "terminal:" + System.getProperty("user.name", "operator"));
  }

  @Test
  void inColourTheOnlyEscapeCodesInAnApprovalAreXcts() {
    Console console = console(new Style(true));

    new TerminalApprover(console, new Transcript(console.out(), console.style()), console.out())
        .decide(hostile());

    assertThat(shown()).contains("\u001b[36mfs.write\u001b[0m", "\u001b[32m+safe\\r+rm -rf ~");
    assertThat(shown().replaceAll("\u001b\\[(0|31|32|33|36)m", ""))
        .doesNotContain("\u001b", "\r", "\u202e");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("\u001b[33m        approve [a], deny [d] or stop [s]? \u001b[0m");
  }

  @Test
  void theArgumentsOfAnApprovalAreShownInFull() {
    String content = "x".repeat(500) + "; and then the part that matters";
    JsonValue arguments = JsonValue.from(Map.of("path", "notes.txt", "content", content));
    Console console = console(new Style(false));

    new TerminalApprover(console, new Transcript(console.out(), console.style()), console.out())
        .decide(
            new ApprovalRequest(
                "run-1",
                3,
                Decision.propose("fs.write", arguments, "write"),
                ToolSpec.builder("fs.write").build(),
                ActionDigest.of("fs.write", arguments),
                "policy rule 'writes' requires approval",
                JsonValue.parse("{}")));

    assertThat(shown())
        .contains("        arguments: " + arguments.toJson() + System.lineSeparator());
  }

  @Test
  void aMoveShowsWhereTheEntryWouldLand() {
    JsonValue arguments = JsonValue.parse("{\"from\":\"a.txt\",\"to\":\"b/a.txt\"}");
    Console console = console(new Style(false));

    new TerminalApprover(console, new Transcript(console.out(), console.style()), console.out())
        .decide(
            new ApprovalRequest(
                "run-1",
                3,
                Decision.propose("fs.move", arguments, "move"),
                ToolSpec.builder("fs.move").build(),
                ActionDigest.of("fs.move", arguments),
                "policy rule 'moves' requires approval",
                JsonValue.parse(
                    "{\"path\":\"a.txt\",\"resolved\":\"/work/a.txt\","
                        + "\"destination\":\"b/a.txt\",\"resolvedDestination\":\"/work/b/a.txt\"}")));

    assertThat(shown())
        .contains("        path:      /work/a.txt", "        to:        /work/b/a.txt");
  }
}
