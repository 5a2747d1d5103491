package dev.xct.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.internal.collect.AppendOnlyList;
import dev.xct.core.internal.context.Compaction;
import dev.xct.core.internal.context.RenderedSteps;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolSpec;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void olderSuccessfulResultsBecomeOneLineStubsNamingStepToolStatusAndSize() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().recentSteps(2).build();

    List<ChatMessage> messages = renderer.render("t", TOOLS, steps(5));

    // Five steps, windows of two: steps 1-2 masked as one batch, 3-5 verbatim.
    assertThat(messages.get(3).content())
        .isEqualTo(
            "{\"step\":1,\"tool\":\"fs.read\",\"response\":"
                + "{\"status\":\"success\",\"masked\":\"11 characters\"}}");
    assertThat(messages.get(5).content()).contains("\"masked\":\"11 characters\"");
    assertThat(messages.get(7).content()).contains("\"code\":\"NOT_FOUND\"");
    assertThat(messages.get(9).content()).contains("\"result\":\"content 4\"");
    assertThat(messages.get(2).content()).isEqualTo(steps(1).get(0).rawReply());
    assertThat(renderer.render("t", TOOLS, steps(3)).subList(1, 8))
        .as("three steps: no batch has left the window yet")
        .noneMatch(m -> m.content().contains("masked\":"));
  }

  @Test
  void anErrorOlderThanTheWindowStaysInFull() {
    List<ChatMessage> messages =
        DefaultContextRenderer.builder().recentSteps(1).build().render("t", TOOLS, steps(8));

    assertThat(messages.get(2 + 2 * 2 + 1).content())
        .isEqualTo(
            "{\"step\":3,\"tool\":\"fs.read\",\"response\":"
                + "{\"status\":\"error\",\"code\":\"NOT_FOUND\",\"message\":\"no f3\"}}");
    assertThat(messages.get(2 + 2 * 6 + 1).content()).contains("\"masked\"");
    assertThat(messages.get(2 + 2 * 7 + 1).content()).contains("\"result\":\"content 8\"");
  }

  @Test
  void aWindowLargerThanAnyRunTurnsMaskingOff() {
    List<ChatMessage> messages =
        DefaultContextRenderer.builder()
            .recentSteps(Integer.MAX_VALUE)
            .build()
            .render("t", TOOLS, steps(300));

    assertThat(messages).hasSize(602);
    assertThat(messages.subList(1, messages.size()))
        .noneMatch(m -> m.content().contains("\"masked\""));
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
    assertThatThrownBy(() -> DefaultContextRenderer.builder().recentSteps(0))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("recentSteps");
  }

  @Test
  void aRunsTranscriptRendersExactlyWhatAnyOtherListDoesAsTheRunGrows() {
    DefaultContextRenderer renderer =
        DefaultContextRenderer.builder().maxChars(2_000).maxReplyChars(100).build();
    List<Step> all = steps(60);
    all.set(7, overlong(8));
    AppendOnlyList<Step> run = new AppendOnlyList<>();

    for (int n = 0; n <= all.size(); n++) {
      List<Step> transcript = run.snapshot();

      assertThat(renderer.render("t", TOOLS, transcript))
          .as("step %d", n + 1)
          .isEqualTo(renderer.render("t", TOOLS, List.copyOf(transcript)));
      if (n < all.size()) {
        run.add(all.get(n));
      }
    }
    assertThat(renderer.render("t", TOOLS, run.snapshot()).get(1).content()).contains("omitted");
  }

  @Test
  void anEarlierSnapshotOfARunsTranscriptIsRenderedAsItIs() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(2_000).build();
    AppendOnlyList<Step> run = new AppendOnlyList<>();
    List<Step> twelve = List.of();
    for (Step step : steps(30)) {
      run.add(step);
      renderer.render("t", TOOLS, run.snapshot());
      twelve = run.size() == 12 ? run.snapshot() : twelve;
    }

    assertThat(renderer.render("t", TOOLS, twelve))
        .isEqualTo(renderer.render("t", TOOLS, List.copyOf(twelve)));
    assertThat(renderer.render("t", TOOLS, run.snapshot()))
        .isEqualTo(renderer.render("t", TOOLS, List.copyOf(run.snapshot())));
  }

  @Test
  void runsSharingOneRendererEachGetTheirOwnTranscriptRendered() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(2_000).build();
    List<Step> first = steps(40);
    List<Step> second = new ArrayList<>(steps(40));
    second.replaceAll(s -> step(s.number(), s.number() % 2 == 0));
    AppendOnlyList<Step> a = new AppendOnlyList<>();
    AppendOnlyList<Step> b = new AppendOnlyList<>();

    for (int n = 0; n < 40; n++) {
      a.add(first.get(n));
      b.add(second.get(n));

      assertThat(renderer.render("a", TOOLS, a.snapshot()))
          .isEqualTo(renderer.render("a", TOOLS, List.copyOf(a.snapshot())));
      assertThat(renderer.render("b", TOOLS, b.snapshot()))
          .isEqualTo(renderer.render("b", TOOLS, List.copyOf(b.snapshot())));
    }
  }

  @Test
  void concurrentRunsOnOneRendererEachGetExactlyTheirOwnRendering() throws Exception {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(2_000).build();
    int runs = 8;
    ExecutorService threads = Executors.newFixedThreadPool(runs);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Integer>>> mismatches = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        int seed = r;
        mismatches.add(
            threads.submit(
                () -> {
                  List<Step> mine = new ArrayList<>(steps(50));
                  mine.replaceAll(s -> step(s.number(), (s.number() + seed) % (seed + 2) != 0));
                  AppendOnlyList<Step> run = new AppendOnlyList<>();
                  List<Integer> wrong = new ArrayList<>();
                  start.await();
                  for (int n = 0; n < mine.size(); n++) {
                    run.add(mine.get(n));
                    List<Step> transcript = run.snapshot();
                    List<ChatMessage> rendered = renderer.render("task " + seed, TOOLS, transcript);
                    if (!rendered.equals(
                        renderer.render("task " + seed, TOOLS, List.copyOf(transcript)))) {
                      wrong.add(n + 1);
                    }
                  }
                  return wrong;
                }));
      }
      start.countDown();
      for (Future<List<Integer>> run : mismatches) {
        assertThat(run.get()).as("steps rendered wrong").isEmpty();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aTranscriptAnotherThreadIsRenderingIsRenderedFromScratch() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(2_000).build();
    AppendOnlyList<Step> run = transcript(steps(20));
    renderer.render("t", TOOLS, run.snapshot());
    RenderedSteps memo =
        AppendOnlyList.memo(run.snapshot(), renderer, DefaultContextRendererTest::none);
    assertThat(memo.claim()).as("the memo is free between renders").isTrue();
    try {
      run.add(step(21, false));

      assertThat(renderer.render("t", TOOLS, run.snapshot()))
          .isEqualTo(renderer.render("t", TOOLS, List.copyOf(run.snapshot())));
    } finally {
      memo.release();
    }
  }

  @Test
  void nothingARunRenderedIsKeptOnceItsTranscriptIsGoneEvenIfItsResultIsKept() {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().maxChars(2_000).build();
    List<List<Step>> kept = new ArrayList<>();
    WeakReference<RenderedSteps> memo = renderAndDrop(renderer, kept);

    for (int i = 0; i < 50 && memo.get() != null; i++) {
      System.gc();
    }

    assertThat(memo.get()).as("the run's rendered steps").isNull();
    List<Step> result = kept.get(0);
    assertThat(
            AppendOnlyList.memo(
                result, renderer, () -> new RenderedSteps(new Compaction(2_000, 100, 10))))
        .isNull();
    assertThat(renderer.render("t", TOOLS, result))
        .isEqualTo(renderer.render("t", TOOLS, List.copyOf(result)));
  }

  /** Renders a run's transcript; keeps only its last snapshot in {@code kept}, as a result does. */
  private static WeakReference<RenderedSteps> renderAndDrop(
      DefaultContextRenderer renderer, List<List<Step>> kept) {
    AppendOnlyList<Step> run = transcript(steps(10));
    renderer.render("t", TOOLS, run.snapshot());
    kept.add(run.snapshot());
    return new WeakReference<>(
        AppendOnlyList.memo(run.snapshot(), renderer, DefaultContextRendererTest::none));
  }

  private static RenderedSteps none() {
    throw new AssertionError("the renderer kept no rendered steps with the run's transcript");
  }

  private static AppendOnlyList<Step> transcript(List<Step> steps) {
    AppendOnlyList<Step> run = new AppendOnlyList<>();
    steps.forEach(run::add);
    return run;
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
