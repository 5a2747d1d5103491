package dev.xct.examples.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Budgets;
import dev.xct.model.support.Completion;
import dev.xct.model.support.Completion.Finish;
import dev.xct.model.support.ModelFault;
import dev.xct.test.ScriptedModelClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the ticket tools in a real loop under a scripted model; docs/tools.md quotes this test. */
class TicketToolsTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

  final TicketStore store = TicketsExample.seededStore(Clock.fixed(NOW, ZoneOffset.UTC));
  final List<ApprovalRequest> asked = new ArrayList<>();

  /** Returns the step's error code, {@code "ok"} when it succeeded, {@code "done"} at the end. */
  static String outcome(Step step) {
    return step.result()
        .map(result -> result instanceof Result.Failure failure ? failure.code() : "ok")
        .orElse("done");
  }

  /** Returns the JSON the model received for the step. */
  static JsonValue json(Step step) {
    Result result = step.result().orElseThrow();
    return result instanceof Result.Failure failure
        ? failure.details()
        : ((Result.Success) result).result();
  }

  /** Runs the example's script, approving every close; the approver's requests go to asked. */
  static RunResult runScript(TicketStore store, List<ApprovalRequest> asked) {
    return TicketsExample.loop(
            ScriptedModelClient.of(TicketsExample.SCRIPT),
            store,
            request -> {
              asked.add(request);
              return ApprovalDecision.approve(request, "dana");
            })
        .build()
        .run("A customer says their refund for order 1234 never arrived.");
  }

  // tag::scenario[]
  @Test
  void theModelCorrectsItsArgumentsAndAPersonApprovesTheClose() {
    ScriptedModelClient model = ScriptedModelClient.of(TicketsExample.SCRIPT);

    RunResult run =
        TicketsExample.loop(
                model,
                store,
                request -> {
                  asked.add(request);
                  return ApprovalDecision.approve(request, "dana");
                })
            .build()
            .run("A customer says their refund for order 1234 never arrived.");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.steps())
        .extracting(TicketToolsTest::outcome)
        .containsExactly(
            "INVALID_ARGUMENTS", // refinements: title too short, assignee "Zoe!"
            "UNKNOWN_ASSIGNEE", // an error result of the tool
            "ok", // T-2 opened
            "TICKET_NOT_FOUND", // the toolkit's validator; nobody was asked
            "ok", // T-1 closed, approved
            "ok", // tickets.stats
            "done");
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).preview().at("/close/id")).contains(JsonValue.from("T-1"));
    assertThat(store.find("T-1").orElseThrow().status()).isEqualTo(Ticket.Status.CLOSED);
  }

  // end::scenario[]
  @Test
  void eachStepTellsTheModelExactlyWhatHappened() {
    RunResult run = runScript(store, asked);

    assertThat(json(run.steps().get(0)).at("/violations").orElseThrow().toJson())
        .contains("/title", "minLength", "/assignee", "pattern");
    assertThat(json(run.steps().get(1)))
        .isEqualTo(JsonValue.parse("{\"assignee\":\"zoe\",\"users\":[\"ana\",\"ben\"]}"));
    assertThat(json(run.steps().get(2)))
        .isEqualTo(
            JsonValue.parse(
                """
                {"id":"T-2","title":"Refund not received for order 1234","priority":"HIGH",
                 "assignee":"ana","labels":["billing"],"status":"OPEN","resolution":null,
                 "openedAt":"2026-03-02T09:30:00Z"}"""));
    assertThat(json(run.steps().get(4)).at("/ticket/resolution"))
        .contains(JsonValue.from("DUPLICATE"));
    assertThat(json(run.steps().get(5)))
        .isEqualTo(JsonValue.parse("{\"by\":\"priority\",\"open\":{\"HIGH\":1}}"));
  }

  @Test
  void closingIsIdempotentAndACheckSaysWhatBecameOfAnInterruptedClose() {
    CloseTicketTool close = new CloseTicketTool(store);
    ToolCall call =
        new ToolCall(
            "tickets.close", JsonValue.parse("{\"id\":\"T-1\",\"resolution\":\"FIXED\"}"), "");
    ToolContext context =
        new ToolContext(
            "run-1",
            1,
            NOW.plusSeconds(60),
            CancellationToken.create(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(close.checkOutcome(call, context))
        .contains(JsonValue.parse("{\"id\":\"T-1\",\"status\":\"OPEN\"}"));
    assertThat(close.execute(call, context).isSuccess()).isTrue();
    Result again = close.execute(call, context);

    assertThat(((Result.Success) again).result().at("/alreadyClosed"))
        .contains(JsonValue.from(true));
    assertThat(close.checkOutcome(call, context))
        .contains(JsonValue.parse("{\"id\":\"T-1\",\"status\":\"CLOSED\"}"));
  }

  // tag::faults[]
  @Test
  void refusalsTruncatedRepliesAndTokenBudgetsCanBeScripted() {
    TokenUsage usage = new TokenUsage(1_200, 300);
    String search = "{\"next_step\":{\"tool\":\"tickets.search\",\"arguments\":{}}}";
    ScriptedModelClient model =
        ScriptedModelClient.builder()
            .reply(ModelFault.refused("I cannot help with refunds.").toReply(usage))
            .reply(
                new Completion("{\"next_step\":{\"to", "", Finish.LENGTH, List.of(), usage)
                    .toReply())
            .repeat(new ModelReply(search, usage), 5)
            .build();

    RunResult run =
        TicketsExample.loop(model, store, request -> ApprovalDecision.deny("not now"))
            .budgets(Budgets.builder().maxTokens(5_000).build())
            .build()
            .run("Look into the refund.");

    assertThat(run.steps())
        .extracting(TicketToolsTest::outcome)
        .containsExactly(ErrorCodes.MODEL_REFUSED, ErrorCodes.OUTPUT_TRUNCATED, "ok", "ok");
    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.TOKEN_BUDGET_EXCEEDED);
    assertThat(run.usage().totalTokens()).isEqualTo(6_000);
  }
  // end::faults[]
}
