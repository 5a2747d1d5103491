package dev.xct.model.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Verdict;
import dev.xct.model.support.testing.SafeFileCreation;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token and cost budget stops a run at the first proposal past its limit. */
class TokenBudgetTest {
  @TempDir Path workspace;

  private static final String PROPOSAL =
      "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"f%d.txt\",\"content\":\"x\"}}}";

  /** A model that proposes a new file on every call, reporting {@code usage} each time. */
  private static dev.xct.core.ModelClient model(TokenUsage usage) {
    AtomicInteger calls = new AtomicInteger();
    return request -> new ModelReply(PROPOSAL.formatted(calls.incrementAndGet()), usage);
  }

  private RunResult run(TokenBudget budget, TokenUsage perCall) {
    return ExecutionLoop.builder(
            model(perCall), ToolRegistry.of(SafeFileCreation.fsWrite(workspace)))
        .validator(budget)
        .build()
        .run("write files");
  }

  @Test
  void runStopsAtTheFirstProposalAfterTheTokenBudgetIsExceeded() throws Exception {
    TokenBudget budget = TokenBudget.maxTokens(2_500);

    RunResult run = run(budget, new TokenUsage(800, 100));

    // 900, 1800, 2700: the third call goes over, so its proposal never runs.
    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(TokenBudget.TOKEN_BUDGET_EXCEEDED);
    assertThat(run.message()).isEqualTo("the run used 2700 tokens; the budget is 2500");
    assertThat(run.executions()).isEqualTo(2);
    assertThat(run.steps()).hasSize(3);
    assertThat(run.usage()).isEqualTo(new TokenUsage(2_400, 300));
    assertThat(run.steps().get(2).verdicts())
        .last()
        .extracting(v -> v.validator())
        .isEqualTo("token-budget");
    try (var files = Files.list(workspace)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void costBudgetPricesPromptAndCompletionTokensSeparately() {
    TokenPrice price = TokenPrice.perMillion("0.15", "0.60");
    TokenBudget budget = TokenBudget.maxCost(new BigDecimal("0.001"), price);

    RunResult run = run(budget, new TokenUsage(2_000, 500));

    // Each call costs 0.0003 + 0.0003 = 0.0006: the second call goes over 0.001.
    assertThat(price.cost(new TokenUsage(2_000, 500))).isEqualByComparingTo("0.0006");
    assertThat(run.code()).contains(TokenBudget.TOKEN_BUDGET_EXCEEDED);
    assertThat(run.message()).isEqualTo("the run's model calls cost 0.0012; the budget is 0.001");
    assertThat(run.executions()).isEqualTo(1);
  }

  @Test
  void costBudgetPricesCachedPromptTokensAtTheCachedPrice() {
    TokenPrice price = TokenPrice.perMillion("0.15", "0.60").withCachedPromptPerMillion("0.015");
    TokenBudget budget = TokenBudget.maxCost(new BigDecimal("0.001"), price);
    TokenUsage cached = new TokenUsage(2_000, 500, 1_800);

    RunResult run = run(budget, cached);

    // Each call costs 0.00003 + 0.000027 + 0.0003 = 0.000357: the third goes over 0.001, where
    // the same calls uncached (0.0006 each) went over at the second.
    assertThat(price.cost(cached)).isEqualByComparingTo("0.000357");
    assertThat(run.message()).isEqualTo("the run's model calls cost 0.001071; the budget is 0.001");
    assertThat(run.executions()).isEqualTo(2);
    assertThat(run.usage()).isEqualTo(new TokenUsage(6_000, 1_500, 5_400));
  }

  @Test
  void tokenBudgetCountsCachedPromptTokensInFull() {
    TokenBudget budget = TokenBudget.maxTokens(2_500);
    Proposal proposal = new Proposal("fs.write", JsonValue.emptyObject(), "");

    Verdict over = budget.check(proposal, context("run-a", new TokenUsage(2_400, 101, 2_400)));

    assertThat(over)
        .isEqualTo(
            Verdict.limitReached(
                TokenBudget.TOKEN_BUDGET_EXCEEDED, "the run used 2501 tokens; the budget is 2500"));
  }

  @Test
  void providersThatReportNoUsageNeverExhaustTheBudget() {
    TokenBudget budget = TokenBudget.maxTokens(1);
    AtomicInteger calls = new AtomicInteger();
    RunResult run =
        ExecutionLoop.builder(
                request ->
                    calls.incrementAndGet() < 3
                        ? ModelReply.of(PROPOSAL.formatted(calls.get()))
                        : ModelReply.of("{\"done\":true}"),
                ToolRegistry.of(SafeFileCreation.fsWrite(workspace)))
            .validator(budget)
            .build()
            .run("write files");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.executions()).isEqualTo(2);
  }

  @Test
  void concurrentRunsAreCountedApart() throws Exception {
    TokenBudget budget = TokenBudget.maxTokens(1_000);
    ExecutionLoop loop =
        ExecutionLoop.builder(
                model(new TokenUsage(300, 0)), ToolRegistry.of(SafeFileCreation.fsWrite(workspace)))
            .validator(budget)
            .build();
    List<Thread> threads = new java.util.ArrayList<>();
    List<RunResult> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (int i = 0; i < 4; i++) {
      Thread thread = new Thread(() -> results.add(loop.run("write files")));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    // Each run alone: 300, 600, 900 run; 1200 is over. Shared counting would stop runs earlier.
    assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.steps()).hasSize(4));
  }

  @Test
  void theVerdictDependsOnTheRunStatsAlone() {
    TokenBudget budget = TokenBudget.maxTokens(2_500);
    Proposal proposal = new Proposal("fs.write", JsonValue.emptyObject(), "");

    Verdict over = budget.check(proposal, context("run-a", new TokenUsage(2_000, 501)));
    Verdict within = budget.check(proposal, context("run-b", new TokenUsage(2_000, 500)));

    assertThat(over)
        .isEqualTo(
            Verdict.limitReached(
                TokenBudget.TOKEN_BUDGET_EXCEEDED, "the run used 2501 tokens; the budget is 2500"));
    assertThat(within).isEqualTo(Verdict.allow());
    assertThat(budget.check(proposal, context("run-a", new TokenUsage(2_000, 501))))
        .isEqualTo(over);
    assertThat(budget).isNotInstanceOf(RunListener.class);
  }

  @Test
  void aResumedRunIsCountedFromItsStartNotFromTheResume() {
    Journal journal = Journal.inMemory();
    ExecutionLoop first =
        ExecutionLoop.builder(
                model(new TokenUsage(800, 100)),
                ToolRegistry.of(SafeFileCreation.fsWrite(workspace)))
            .journal(journal)
            .validator(TokenBudget.maxTokens(2_500))
            .build();
    RunResult ended = first.run("write files");
    // The same run as a crash after its first two steps would have left it in the journal.
    List<RunEvent> events = journal.read(ended.runId());
    Journal crashed = Journal.inMemory();
    int completed = 0;
    for (RunEvent event : events) {
      crashed.append(event);
      if (event instanceof RunEvent.StepCompleted && ++completed == 2) {
        break;
      }
    }

    RunResult resumed =
        ExecutionLoop.builder(
                model(new TokenUsage(800, 100)),
                ToolRegistry.of(SafeFileCreation.fsWrite(workspace)))
            .journal(crashed)
            .validator(TokenBudget.maxTokens(2_500))
            .build()
            .resume(ended.runId());

    // 900 and 1800 before the crash, 2700 with the first reply after it: over at once.
    assertThat(resumed.code()).contains(TokenBudget.TOKEN_BUDGET_EXCEEDED);
    assertThat(resumed.message()).isEqualTo("the run used 2700 tokens; the budget is 2500");
    assertThat(resumed.executions()).isEqualTo(2);
  }

  private ValidationContext context(String runId, TokenUsage usage) {
    return new ValidationContext(
        runId,
        1,
        ToolRegistry.of(SafeFileCreation.fsWrite(workspace)),
        RunStats.builder(Instant.EPOCH).usage(usage).build(),
        Instant.EPOCH);
  }

  @Test
  void budgetsMustBePositive() {
    assertThatThrownBy(() -> TokenBudget.maxTokens(0)).isInstanceOf(XctException.class);
    assertThatThrownBy(() -> TokenBudget.maxCost(BigDecimal.ZERO, TokenPrice.perMillion("1", "1")))
        .isInstanceOf(XctException.class);
    assertThatThrownBy(() -> TokenPrice.perMillion("-1", "1")).isInstanceOf(XctException.class);
  }
}
