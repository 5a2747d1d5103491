package dev.xct.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultContextRendererTest {
  private static final List<ToolSpec> TOOLS =
      List.of(
          ToolSpec.builder("fs.read").description("Read a file.").readOnly().build(),
          ToolSpec.builder("fs.delete").description("Delete a file.").destructive().build());

  private static Step step(int number, boolean ok) {
    String raw =
        "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"f" + number + "\"}}}";
    Result result =
        ok ? Result.success("content " + number) : Result.failure("NOT_FOUND", "no f" + number);
    Step.Header header =
        new Step.Header(number, Instant.EPOCH, raw, Duration.ZERO, TokenUsage.unknown());
    Decision.Proposal proposal =
        Decision.propose("fs.read", JsonValue.parse("{\"path\":\"f" + number + "\"}"), "");
    return ok
        ? new Step.Executed(header, proposal, List.of(), result, Duration.ZERO)
        : new Step.Refused(header, proposal, List.of(), (Result.Failure) result);
  }

  private static List<Step> steps(int count) {
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      steps.add(step(i, i % 3 != 0));
    }
    return steps;
  }

  @Test
  void firstRequestHoldsProtocolCatalogAndTaskOnly() {
    List<ChatMessage> messages = DefaultContextRenderer.create().render("Do it", TOOLS, List.of());

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).role()).isEqualTo(ChatMessage.Role.SYSTEM);
    assertThat(messages.get(0).content())
        .contains(
            "{\"next_step\":{\"tool\"",
            "{\"done\":true",
            "- fs.read [read-only]: Read a file.",
            "- fs.delete [destructive",
            "arguments schema: {\"type\":\"object\"}");
    assertThat(messages.get(1)).isEqualTo(ChatMessage.user("Task: Do it"));
  }

  @Test
  void everyStepIsLabelledWithItsNumberToolAndResponse() {
    List<ChatMessage> messages =
        DefaultContextRenderer.create().render("t", TOOLS, List.of(step(1, true), step(2, false)));

    assertThat(messages).hasSize(6);
    assertThat(messages.get(2).role()).isEqualTo(ChatMessage.Role.ASSISTANT);
    assertThat(messages.get(3).content())
        .isEqualTo(
            "{\"step\":1,\"tool\":\"fs.read\",\"response\":"
                + "{\"status\":\"success\",\"result\":\"content 1\"}}");
    assertThat(messages.get(5).content())
        .isEqualTo(
            "{\"step\":2,\"tool\":\"fs.read\",\"response\":"
                + "{\"status\":\"error\",\"code\":\"NOT_FOUND\",\"message\":\"no f2\"}}");
  }

  @Test
  void oldStepsAreElidedToFitTheBudgetAndTheElisionIsCounted() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(6_000).build();
    List<Step> transcript = steps(200);

    List<ChatMessage> messages = renderer.render("t", TOOLS, transcript);

    int total = messages.stream().mapToInt(m -> m.content().length()).sum();
    assertThat(total).isLessThanOrEqualTo(6_000);
    String task = messages.get(1).content();
    assertThat(task).containsPattern("Steps 1-\\d+ are omitted");
    // The newest step is always there, the oldest is gone.
    assertThat(messages.get(messages.size() - 1).content()).contains("\"step\":200");
    assertThat(messages).noneMatch(m -> m.content().contains("\"step\":1,"));
  }

  @Test
  void renderedSizeIsBoundedByTheBudgetNotByTheRunLength() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(8_000).build();
    int at100 = size(renderer.render("t", TOOLS, steps(100)));
    int at1000 = size(renderer.render("t", TOOLS, steps(1000)));

    assertThat(at100).isLessThanOrEqualTo(8_000);
    assertThat(at1000).isLessThanOrEqualTo(8_000);
  }

  @Test
  void overlongRepliesAreCutAndMarked() {
    String huge = "x".repeat(5_000);
    Step step =
        new Step.Rejected(
            new Step.Header(1, Instant.EPOCH, huge, Duration.ZERO, TokenUsage.unknown()),
            Result.failure("INVALID_JSON", "bad"));
    List<ChatMessage> messages =
        DefaultContextRenderer.builder()
            .maxReplyChars(100)
            .build()
            .render("t", TOOLS, List.of(step));

    assertThat(messages.get(2).content())
        .hasSizeLessThan(200)
        .contains("[cut: 4900 more characters]");
    assertThat(messages.get(3).content())
        .isEqualTo(
            "{\"step\":1,\"response\":{\"status\":\"error\",\"code\":\"INVALID_JSON\",\"message\":\"bad\"}}");
  }

  @Test
  void renderingIsDeterministic() {
    List<Step> transcript = steps(50);
    assertThat(DefaultContextRenderer.create().render("t", TOOLS, transcript))
        .isEqualTo(DefaultContextRenderer.create().render("t", TOOLS, transcript));
  }

  @Test
  void tooSmallBudgetsAreRejectedAtBuildTime() {
    assertThatThrownBy(() -> DefaultContextRenderer.builder().maxChars(10))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("maxChars");
    assertThatThrownBy(() -> DefaultContextRenderer.builder().maxReplyChars(1))
        .isInstanceOf(XctException.class);
  }

  @Test
  void aRunScopedRendererRendersExactlyWhatTheStatelessOneDoesAsTheRunGrows() {
    DefaultContextRenderer renderer =
        DefaultContextRenderer.builder().maxChars(2_000).maxReplyChars(100).build();
    ContextRenderer run = renderer.forRun();
    List<Step> all = steps(60);
    all.set(7, overlong(8));

    for (int n = 0; n <= all.size(); n++) {
      List<Step> transcript = List.copyOf(all.subList(0, n));

      assertThat(run.render("t", TOOLS, transcript))
          .as("step %d", n + 1)
          .isEqualTo(renderer.render("t", TOOLS, transcript));
    }
    assertThat(run.render("t", TOOLS, all).get(1).content()).contains("omitted");
  }

  @Test
  void aRunScopedRendererStartsOverWhenGivenADifferentTranscript() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(2_000).build();
    ContextRenderer run = renderer.forRun();
    run.render("t", TOOLS, steps(30));
    List<Step> other = new ArrayList<>(steps(30));
    other.replaceAll(s -> step(s.number(), s.number() % 2 == 0));

    assertThat(run.render("t", TOOLS, other)).isEqualTo(renderer.render("t", TOOLS, other));
    assertThat(run.render("t", TOOLS, other.subList(0, 12)))
        .isEqualTo(renderer.render("t", TOOLS, other.subList(0, 12)));
  }

  private static Step overlong(int number) {
    Step s = step(number, true);
    Step.Executed e = (Step.Executed) s;
    return new Step.Executed(
        new Step.Header(number, s.startedAt(), "x".repeat(500), s.modelLatency(), s.usage()),
        e.proposal(),
        e.verdicts(),
        e.outcome(),
        e.toolDuration());
  }

  private static int size(List<ChatMessage> messages) {
    return messages.stream().mapToInt(m -> m.content().length()).sum();
  }
}
