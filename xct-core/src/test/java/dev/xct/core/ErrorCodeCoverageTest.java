package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ApprovalWorld;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.loop.TestClocks;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Validators;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every core error code documented in docs/protocol.md exists in {@link ErrorCodes} and
 * is produced by a real run of the loop.
 */
class ErrorCodeCoverageTest {
  private static final String CALL = "{\"next_step\":{\"tool\":\"t.echo\",\"arguments\":{}}}";
  private static final String DONE = "{\"done\":true,\"message\":\"ok\"}";

  private static Tool tool(String name, boolean destructive, Function<ToolContext, Result> body) {
    ToolSpec.Builder spec =
        ToolSpec.builder(name).inputSchema("{\"type\":\"object\",\"additionalProperties\":false}");
    if (destructive) {
      spec.destructive();
    }
    ToolSpec built = spec.build();
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return built;
      }

      @Override
      public Result execute(ToolCall call, ToolContext context) {
        return body.apply(context);
      }
    };
  }

  private static final Tool ECHO = tool("t.echo", false, c -> Result.success("echo"));

  private static ModelClient replies(String... replies) {
    AtomicInteger next = new AtomicInteger();
    return request -> {
      int i = next.getAndIncrement();
      if (i >= replies.length) {
        throw new IllegalStateException("no more replies");
      }
      return ModelReply.of(replies[i]);
    };
  }

  private static ExecutionLoop.Builder loop(ModelClient model, Tool... tools) {
    return ExecutionLoop.builder(model, ToolRegistry.of(tools)).toolTimeout(Duration.ofSeconds(5));
  }

  static Stream<Arguments> scenarios() {
    Map<String, java.util.function.Supplier<RunResult>> cases = new LinkedHashMap<>();
    cases.put(ErrorCodes.EMPTY_REPLY, () -> loop(replies("  ", DONE), ECHO).build().run("t"));
    cases.put(
        ErrorCodes.REPLY_TOO_LARGE,
        () ->
            loop(replies("{\"a\":\"" + "x".repeat(300_000) + "\"}", DONE), ECHO).build().run("t"));
    cases.put(
        ErrorCodes.REPLY_TOO_DEEP,
        () -> loop(replies("[".repeat(100) + "]".repeat(100), DONE), ECHO).build().run("t"));
    cases.put(ErrorCodes.INVALID_JSON, () -> loop(replies("{nope", DONE), ECHO).build().run("t"));
    cases.put(
        ErrorCodes.DUPLICATE_KEY,
        () -> loop(replies("{\"done\":true,\"done\":true}", DONE), ECHO).build().run("t"));
    cases.put(ErrorCodes.INVALID_REPLY, () -> loop(replies("[]", DONE), ECHO).build().run("t"));
    cases.put(
        ErrorCodes.UNKNOWN_TOOL,
        () -> loop(replies(CALL.replace("t.echo", "t.nope"), DONE), ECHO).build().run("t"));
    cases.put(
        ErrorCodes.INVALID_ARGUMENTS,
        () -> loop(replies(CALL.replace("{}", "{\"x\":1}"), DONE), ECHO).build().run("t"));
    cases.put(
        ErrorCodes.POLICY_DENIED,
        () ->
            loop(replies(CALL, DONE), ECHO)
                .validator(Validators.policy(Policy.builder().deny("t.*").build()))
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.APPROVAL_DENIED,
        () ->
            loop(replies(CALL, DONE), ECHO)
                .validator(
                    Validators.policy(
                        Policy.builder().ask("t.echo").build(),
                        request -> ApprovalDecision.deny("not today")))
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.APPROVAL_STOPPED,
        () ->
            loop(replies(CALL, DONE), ECHO)
                .validator(
                    Validators.policy(
                        Policy.builder().ask("t.echo").build(),
                        request -> ApprovalDecision.stop("stop everything")))
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.APPROVAL_MISMATCH,
        () ->
            loop(replies(CALL, DONE), ECHO)
                .validator(
                    Validators.policy(
                        Policy.builder().ask("t.echo").build(),
                        request ->
                            new ApprovalDecision.Approve(
                                dev.xct.core.validate.ActionDigest.of(
                                    "t.other", JsonValue.emptyObject()),
                                "mallory")))
                .build()
                .run("t"));
    cases.put(ErrorCodes.APPROVAL_PENDING, () -> deferred("pending"));
    cases.put(ErrorCodes.APPROVAL_EXPIRED, () -> deferred("expired"));
    cases.put(ErrorCodes.APPROVAL_STALE, () -> deferred("stale"));
    cases.put(
        ErrorCodes.VALIDATOR_ERROR,
        () ->
            loop(replies(CALL, DONE), ECHO)
                .validator(
                    "boom",
                    (p, c) -> {
                      throw new IllegalStateException("boom");
                    })
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.MAX_STEPS_EXCEEDED,
        () ->
            loop(request -> ModelReply.of(CALL), ECHO)
                .budgets(Budgets.builder().maxSteps(2).build())
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.MAX_CONSECUTIVE_ERRORS,
        () ->
            loop(request -> ModelReply.of("x"), ECHO)
                .budgets(Budgets.builder().maxConsecutiveErrors(2).build())
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.TOOL_QUOTA_EXCEEDED,
        () ->
            loop(request -> ModelReply.of(CALL), ECHO)
                .budgets(Budgets.builder().toolQuota("t.echo", 1).build())
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.DEADLINE_EXCEEDED,
        () ->
            loop(request -> ModelReply.of("x"), ECHO)
                .clock(new dev.xct.core.loop.TestClocks.Ticking(Duration.ofMinutes(1)))
                .budgets(
                    Budgets.builder()
                        .maxDuration(Duration.ofMinutes(3))
                        .maxConsecutiveErrors(100)
                        .build())
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.CANCELLED,
        () -> {
          CancellationToken token = CancellationToken.create();
          token.cancel();
          return loop(replies(DONE), ECHO).build().run("t", token);
        });
    cases.put(
        ErrorCodes.MODEL_FAILED,
        () ->
            loop(
                    request -> {
                      throw new IllegalStateException("HTTP 503");
                    },
                    ECHO)
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.TOOL_CRASHED,
        () ->
            loop(
                    replies(CALL, DONE),
                    tool(
                        "t.echo",
                        false,
                        c -> {
                          throw new IllegalArgumentException("bad");
                        }))
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.TOOL_TIMEOUT,
        () ->
            loop(
                    replies(CALL, DONE),
                    tool(
                        "t.echo",
                        false,
                        c -> {
                          try {
                            new CountDownLatch(1).await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return Result.success("late");
                        }))
                .toolTimeout(Duration.ofMillis(100))
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.TOOL_REJECTED,
        () -> {
          ExecutorService full = Executors.newSingleThreadExecutor();
          full.shutdown();
          return loop(replies(CALL, DONE), ECHO).toolExecutor(full).build().run("t");
        });
    cases.put(
        ErrorCodes.JOURNAL_FAILED,
        () ->
            loop(replies(CALL, DONE), ECHO)
                .journal(
                    new Journal() {
                      @Override
                      public void append(RunEvent event) {
                        if (event instanceof RunEvent.ToolStarting) {
                          throw new XctException("disk full");
                        }
                      }

                      @Override
                      public List<RunEvent> read(String runId) {
                        return List.of();
                      }
                    })
                .build()
                .run("t"));
    cases.put(
        ErrorCodes.OUTCOME_UNKNOWN,
        () -> {
          Journal journal = Journal.inMemory();
          Instant at = Instant.parse("2025-01-01T00:00:00Z");
          journal.append(new RunEvent.RunStarted("crashed", 0, at, "t"));
          journal.append(
              new RunEvent.ToolStarting(
                  "crashed", 1, at, new ToolCall("t.echo", JsonValue.emptyObject(), "")));
          return loop(replies(DONE), ECHO).journal(journal).build().resume("crashed");
        });
    for (String fault :
        List.of(
            ErrorCodes.MODEL_REFUSED, ErrorCodes.OUTPUT_TRUNCATED, ErrorCodes.MULTIPLE_ACTIONS)) {
      cases.put(
          fault,
          () -> {
            AtomicInteger calls = new AtomicInteger();
            return loop(
                    request ->
                        calls.getAndIncrement() == 0
                            ? ModelReply.rejected(
                                "I can't help with that.",
                                TokenUsage.unknown(),
                                Result.failure(fault, "the model's reply was not a decision"))
                            : ModelReply.of(DONE),
                    ECHO)
                .build()
                .run("t");
          });
    }
    cases.put(
        ErrorCodes.TOKEN_BUDGET_EXCEEDED,
        () ->
            loop(request -> new ModelReply(CALL, new TokenUsage(600, 100)), ECHO)
                .budgets(Budgets.builder().maxTokens(1_000).build())
                .build()
                .run("t"));
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  /**
   * A run that pauses for a person, left pending, expired, or approved after its target changed.
   */
  private static RunResult deferred(String ending) {
    try {
      Path root = Files.createTempDirectory("xct-approval");
      Files.writeString(root.resolve("notes.txt"), "v1");
      TestClocks.Manual clock = new TestClocks.Manual(Instant.EPOCH);
      ExecutionLoop loop =
          ApprovalWorld.loop(root, Journal.inMemory(), clock, "r", ApprovalWorld.policy()).build();
      RunResult paused = loop.run("t");
      if (ending.equals("pending")) {
        return paused;
      }
      if (ending.equals("expired")) {
        clock.advance(Duration.ofDays(1));
        return loop.resume("r");
      }
      Files.writeString(root.resolve("notes.txt"), "v2");
      ApprovalOutcome outcome =
          loop.approvals()
              .decide(
                  "r",
                  ApprovalAnswer.approve(
                      loop.approvals().pending("r").orElseThrow().action(), "alice"));
      return ((ApprovalOutcome.Resumed) outcome).result();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyCoreCodeIsProducedByARealRun(
      String code, java.util.function.Supplier<RunResult> scenario) {
    RunResult run = scenario.get();
    Set<String> seen = new HashSet<>();
    run.code().ifPresent(seen::add);
    for (Step step : run.steps()) {
      step.result()
          .filter(Result.Failure.class::isInstance)
          .map(r -> ((Result.Failure) r).code())
          .ifPresent(seen::add);
    }
    assertThat(seen).contains(code);
  }

  @Test
  void docsErrorCodesAndScenariosNameTheSameCodes() throws Exception {
    Set<String> constants = new TreeSet<>();
    for (Field field : ErrorCodes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        constants.add((String) field.get(null));
      }
    }
    Set<String> scenarios = new TreeSet<>();
    scenarios().forEach(a -> scenarios.add((String) a.get()[0]));

    assertThat(scenarios).isEqualTo(constants);
    assertThat(documentedCoreCodes()).isEqualTo(constants);
  }

  private static Set<String> documentedCoreCodes() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "protocol.md"));
    String core =
        doc.substring(
            doc.indexOf("## Error codes"), doc.indexOf("<!-- The codes above are xct-core's"));
    Set<String> codes = new TreeSet<>();
    Matcher matcher = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)`", Pattern.MULTILINE).matcher(core);
    while (matcher.find()) {
      codes.add(matcher.group(1));
    }
    return codes;
  }
}
