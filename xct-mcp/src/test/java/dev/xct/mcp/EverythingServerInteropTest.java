package dev.xct.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.RunEvent;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolHints;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Validators;
import dev.xct.core.validate.Verdict;
import dev.xct.test.ScriptedModelClient;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XCT's client against {@code @modelcontextprotocol/server-everything}, started over stdio. */
class EverythingServerInteropTest {
  private static McpSyncClient client;

  @BeforeAll
  static void startServer() {
    client = ReferenceServers.everything(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopServer() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  static String call(String tool, String arguments) {
    return "{\"next_step\":{\"tool\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + ",\"goal\":\"test\"}}";
  }

  static final String DONE = "{\"done\":true,\"message\":\"finished\"}";

  private static RunResult run(McpTools tools, String... replies) {
    return ExecutionLoop.builder(ScriptedModelClient.of(replies), ToolRegistry.empty())
        .toolkit(tools.toolkit())
        .build()
        .run("use the MCP tools");
  }

  @Test
  void everyListedToolIsRegisteredUnderItsMappedName() {
    McpTools tools = McpTools.builder(client, "everything").build();

    assertThat(tools.tools())
        .extracting(tool -> tool.spec().name())
        .contains(
            "everything.echo", "everything.get_sum", "everything.trigger_long_running_operation");
    McpTool sum = tools.tool("everything.get_sum").orElseThrow();
    assertThat(sum.mcpName()).isEqualTo("get-sum");
    assertThat(sum.spec().inputSchema().at("/properties/a/type").flatMap(JsonValue::asString))
        .contains("number");
    assertThat(sum.spec().description()).isNotBlank();
  }

  @Test
  void anAllowedCallReachesTheServerAndItsResultReachesTheModel() {
    McpTools tools = McpTools.builder(client, "everything").only("echo").build();

    RunResult run = run(tools, call("everything.echo", "{\"message\":\"hello from xct\"}"), DONE);

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    Step step = run.steps().get(0);
    assertThat(step.executed()).isTrue();
    JsonValue result = ((Result.Success) step.result().orElseThrow()).result();
    assertThat(result.at("/content/0/type").flatMap(JsonValue::asString)).contains("text");
    assertThat(result.at("/content/0/text").flatMap(JsonValue::asString))
        .hasValueSatisfying(text -> assertThat(text).contains("hello from xct"));
  }

  @Test
  void structuredContentIsPassedOnBesideTheContent() {
    McpTools tools = McpTools.builder(client, "everything").only("get-structured-content").build();

    RunResult run =
        run(tools, call("everything.get_structured_content", "{\"location\":\"Chicago\"}"), DONE);

    JsonValue result = ((Result.Success) run.steps().get(0).result().orElseThrow()).result();
    assertThat(result.get("structuredContent"))
        .hasValueSatisfying(v -> assertThat(v.isObject()).isTrue());
  }

  @Test
  void argumentsThatBreakTheServersSchemaAreRefusedBeforeAnythingIsSent() {
    McpTools tools = McpTools.builder(client, "everything").only("get-sum").build();

    RunResult run =
        run(
            tools,
            call("everything.get_sum", "{\"a\":\"one\",\"b\":2}"),
            call("everything.get_sum", "{\"a\":1,\"b\":2}"),
            DONE);

    Step refused = run.steps().get(0);
    assertThat(refused).isInstanceOf(Step.Refused.class);
    assertThat(((Result.Failure) refused.result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
    Step executed = run.steps().get(1);
    assertThat(executed.executed()).isTrue();
    assertThat(executed.result().orElseThrow().toString()).contains("3");
  }

  @Test
  void aReadOnlyClaimDoesNotSkipApprovalUnlessTheIntegratorTrustsIt() {
    List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
    McpTools untrusted = McpTools.builder(client, "everything").only("echo").build();
    McpTool echo = untrusted.tool("everything.echo").orElseThrow();
    assertThat(echo.annotations().readOnly()).isTrue();
    assertThat(echo.spec().hints().destructive()).isTrue();

    RunResult run =
        ExecutionLoop.builder(
                ScriptedModelClient.of(call("everything.echo", "{\"message\":\"hi\"}"), DONE),
                ToolRegistry.empty())
            .toolkit(untrusted.toolkit())
            .validator(
                Validators.approveDestructive(
                    request -> {
                      asked.add(request);
                      return ApprovalDecision.deny("not today");
                    }))
            .build()
            .run("echo");

    assertThat(asked).hasSize(1);
    assertThat(run.steps().get(0)).isInstanceOf(Step.Refused.class);
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.APPROVAL_DENIED);

    McpTools trusted =
        McpTools.builder(client, "everything").only("echo").trustAnnotations(true).build();
    assertThat(trusted.tool("everything.echo").orElseThrow().spec().hints())
        .isEqualTo(ToolHints.readOnlyTool());
    McpTools overridden =
        McpTools.builder(client, "everything")
            .only("echo")
            .hints("echo", ToolHints.readOnlyTool())
            .build();
    assertThat(overridden.tool("everything.echo").orElseThrow().spec().hints())
        .isEqualTo(ToolHints.readOnlyTool());
  }

  @Test
  void aCallPastTheToolsTimeoutIsAbandonedAndTheSessionStillServes() {
    McpTools tools =
        McpTools.builder(client, "everything")
            .only("trigger-long-running-operation", "echo")
            .timeout(Duration.ofMillis(300))
            .build();

    RunResult run =
        run(
            tools,
            call("everything.trigger_long_running_operation", "{\"duration\":60,\"steps\":2}"),
            call("everything.echo", "{\"message\":\"still here\"}"),
            DONE);

    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.TOOL_TIMEOUT);
    assertThat(run.steps().get(1).result().orElseThrow().toString()).contains("still here");
  }

  @Test
  void theClientsRequestTimeoutBecomesMcpTimeout() {
    McpSyncClient impatient = ReferenceServers.everything(Duration.ofSeconds(2));
    try {
      McpTools tools =
          McpTools.builder(impatient, "everything").only("trigger-long-running-operation").build();

      RunResult run =
          run(
              tools,
              call("everything.trigger_long_running_operation", "{\"duration\":60,\"steps\":2}"),
              DONE);

      Result.Failure failure = (Result.Failure) run.steps().get(0).result().orElseThrow();
      assertThat(failure.code()).isEqualTo(McpErrorCodes.MCP_TIMEOUT);
    } finally {
      impatient.close();
    }
  }

  @Test
  void cancellingTheRunWhileAToolRunsEndsTheRunCancelled() {
    McpTools tools =
        McpTools.builder(client, "everything").only("trigger-long-running-operation").build();
    CancellationToken cancellation = CancellationToken.create();

    RunResult run =
        ExecutionLoop.builder(
                ScriptedModelClient.of(
                    call(
                        "everything.trigger_long_running_operation",
                        "{\"duration\":60,\"steps\":2}"),
                    DONE),
                ToolRegistry.empty())
            .toolkit(tools.toolkit())
            .listener(
                event -> {
                  if (event instanceof RunEvent.ToolStarting) {
                    cancellation.cancel();
                  }
                })
            .build()
            .run("wait", cancellation);

    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
  }

  // docs/mcp.md: a validator that consults the server's claims to deny more
  static Validator noOpenWorld(McpTools tools) {
    return Validator.named(
        "no-open-world",
        (proposal, context) ->
            tools
                .tool(proposal.tool())
                .filter(tool -> tool.annotations().openWorld())
                .<Verdict>map(tool -> Verdict.deny("OPEN_WORLD", "this run stays off the network"))
                .orElse(Verdict.allow()));
  }

  @Test
  void aValidatorMayConsultTheClaimsToDenyMore() {
    McpTools tools =
        McpTools.builder(client, "everything").only("echo", "gzip-file-as-resource").build();
    assertThat(
            tools.tool("everything.gzip_file_as_resource").orElseThrow().annotations().openWorld())
        .isTrue();

    RunResult run =
        ExecutionLoop.builder(
                ScriptedModelClient.of(
                    call("everything.gzip_file_as_resource", "{}"),
                    call("everything.echo", "{\"message\":\"local\"}"),
                    DONE),
                ToolRegistry.empty())
            .toolkit(tools.toolkit())
            .validator(noOpenWorld(tools))
            .build()
            .run("stay local");

    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo("OPEN_WORLD");
    assertThat(run.steps().get(1).executed()).isTrue();
  }

  @Test
  void theVerdictsOfAnMcpCallAreThoseOfAnyTool() {
    McpTools tools = McpTools.builder(client, "everything").only("echo").build();

    RunResult run = run(tools, call("everything.echo", "{\"message\":\"x\"}"), DONE);

    assertThat(run.steps().get(0).verdicts())
        .extracting(VerdictRecord::validator)
        .contains("known-tool", "argument-schema");
  }
}
