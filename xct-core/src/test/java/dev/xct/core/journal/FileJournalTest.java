package dev.xct.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileJournalTest {
  @TempDir Path dir;

  private static JournalOptions options(Durability durability) {
    return JournalOptions.builder().durability(durability).build();
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void readsBackEveryEventOfARunInOrderAfterReopening(Durability durability) {
    List<RunEvent> a = JournalEvents.run("run-a", 3);
    List<RunEvent> b = JournalEvents.run("run-b", 2);
    try (FileJournal journal = FileJournal.open(dir, options(durability))) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        if (i < a.size()) {
          journal.append(a.get(i));
        }
        if (i < b.size()) {
          journal.append(b.get(i));
        }
      }
      assertThat(journal.read("run-a")).isEqualTo(a);
    }
    try (FileJournal journal = FileJournal.open(dir, options(durability))) {
      assertThat(journal.read("run-a")).isEqualTo(a);
      assertThat(journal.read("run-b")).isEqualTo(b);
      assertThat(journal.read("run-c")).isEmpty();
      assertThat(journal.runIds()).containsExactlyInAnyOrder("run-a", "run-b");
      assertThat(journal.verify().intact()).isTrue();
      assertThat(journal.verify().records()).isEqualTo(a.size() + b.size());
    }
  }

  @Test
  void continuesTheChainAcrossReopeningsAndSegments() throws IOException {
    JournalOptions small = JournalOptions.builder().segmentBytes(4096).build();
    for (int round = 0; round < 3; round++) {
      try (FileJournal journal = FileJournal.open(dir, small)) {
        JournalEvents.run("run-" + round, 15).forEach(journal::append);
      }
    }
    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      Verification verification = journal.verify();
      assertThat(verification.intact()).as("%s", verification).isTrue();
      assertThat(verification.records()).isEqualTo(3 * 32);
      assertThat(verification.head()).map(Verification.Head::seq).contains(96L);
      assertThat(journal.read("run-1")).isEqualTo(JournalEvents.run("run-1", 15));
    }
    assertThat(segments()).hasSizeGreaterThan(3);
  }

  @Test
  void recordsCarryTheirSequenceAndChainHash() {
    try (FileJournal journal = FileJournal.open(dir)) {
      JournalEvents.run("r", 1).forEach(journal::append);
      List<JournalRecord> records = journal.records("r");
      assertThat(records).extracting(JournalRecord::seq).containsExactly(1L, 2L, 3L, 4L);
      assertThat(records.get(3).hash()).matches("[0-9a-f]{64}");
      assertThat(journal.verify().head()).contains(new Verification.Head(4, records.get(3).hash()));
    }
  }

  @Test
  void aTornLastLineIsReportedIgnoredAndNeverAppendedAfter() throws IOException {
    List<RunEvent> run = JournalEvents.run("r", 2);
    try (FileJournal journal = FileJournal.open(dir)) {
      run.subList(0, 4).forEach(journal::append);
    }
    Path segment = segments().get(0);
    Files.writeString(segment, "{\"seq\":5,\"prev\":\"ab", StandardOpenOption.APPEND);

    try (FileJournal journal = FileJournal.open(dir)) {
      assertThat(journal.tornTails()).hasSize(1);
      assertThat(journal.tornTails().get(0).line()).isEqualTo(5);
      assertThat(journal.read("r")).isEqualTo(run.subList(0, 4));
      run.subList(4, run.size()).forEach(journal::append);
      assertThat(journal.read("r")).isEqualTo(run);
      Verification verification = journal.verify();
      assertThat(verification.intact()).isTrue();
      assertThat(verification.tornTails()).hasSize(1);
    }
    assertThat(segments()).hasSize(2);
  }

  @Test
  void aJournalWhoseVeryFirstRecordWasTornOpensAndStartsAfresh() throws IOException {
    Files.writeString(dir.resolve("journal-00000000000000000001.jsonl"), "{\"seq\":1,\"pr");
    List<RunEvent> run = JournalEvents.run("r", 1);

    try (FileJournal journal = FileJournal.open(dir)) {
      assertThat(journal.tornTails()).hasSize(1);
      run.forEach(journal::append);
      assertThat(journal.read("r")).isEqualTo(run);
    }
    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      assertThat(journal.verify().intact()).isTrue();
      assertThat(journal.verify().records()).isEqualTo(run.size());
    }
  }

  @Test
  void aCorruptCompleteLineMakesTheRunUnreadableRatherThanSilentlyShorter() throws IOException {
    try (FileJournal journal = FileJournal.open(dir)) {
      JournalEvents.run("r", 2).forEach(journal::append);
    }
    Path segment = segments().get(0);
    List<String> lines = Files.readAllLines(segment);
    lines.set(2, lines.get(2).replace("\"n\":1", "\"n\":7"));
    Files.write(segment, lines);

    try (FileJournal journal = FileJournal.open(dir)) {
      assertThatThrownBy(() -> journal.read("r"))
          .isInstanceOf(XctException.class)
          .hasMessageContaining("line 3");
    }
  }

  @Test
  void oneWriterPerDirectory() {
    try (FileJournal journal = FileJournal.open(dir)) {
      assertThatThrownBy(() -> FileJournal.open(dir))
          .isInstanceOf(XctException.class)
          .hasMessageContaining("already open");
      try (FileJournal reader = FileJournal.openReadOnly(dir)) {
        assertThatThrownBy(() -> reader.append(JournalEvents.run("r", 0).get(0)))
            .isInstanceOf(XctException.class)
            .hasMessageContaining("read-only");
      }
      journal.append(JournalEvents.run("r", 0).get(0));
    }
  }

  @Test
  void aSecondRunStartedWithTheSameIdIsRefused() {
    try (FileJournal journal = FileJournal.open(dir)) {
      journal.append(JournalEvents.run("r", 0).get(0));
      assertThatThrownBy(() -> journal.append(JournalEvents.run("r", 0).get(0)))
          .isInstanceOf(XctException.class)
          .hasMessageContaining("already holds");
    }
  }

  @Test
  void aClosedJournalRefusesAppends() {
    FileJournal journal = FileJournal.open(dir);
    journal.close();
    assertThatThrownBy(() -> journal.append(JournalEvents.run("r", 0).get(0)))
        .isInstanceOf(XctException.class);
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void concurrentRunsAreAllRecordedAndChainedInOneOrder(Durability durability) throws Exception {
    int runs = 16;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (FileJournal journal =
        FileJournal.open(
            dir, JournalOptions.builder().durability(durability).segmentBytes(8192).build())) {
      List<Future<?>> futures = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        String id = "run-" + r;
        futures.add(pool.submit(() -> JournalEvents.run(id, 10).forEach(journal::append)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      for (int r = 0; r < runs; r++) {
        assertThat(journal.read("run-" + r)).isEqualTo(JournalEvents.run("run-" + r, 10));
      }
      Verification verification = journal.verify();
      assertThat(verification.intact()).as("%s", verification).isTrue();
      assertThat(verification.records()).isEqualTo(runs * 22L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signedJournalsVerifyOnlyWithTheirKey() {
    byte[] key = "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
    try (FileJournal journal =
        FileJournal.open(dir, JournalOptions.builder().signingKey(key).build())) {
      JournalEvents.run("r", 2).forEach(journal::append);
      assertThat(journal.verify().intact()).isTrue();
    }
    byte[] other = "another-key-of-16+bytes".getBytes(StandardCharsets.UTF_8);
    try (FileJournal journal =
        FileJournal.openReadOnly(dir, JournalOptions.builder().signingKey(other).build())) {
      assertThat(journal.verify().problem())
          .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(Verification.Kind.BAD_SIGNATURE));
    }
    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      assertThat(journal.verify().intact()).isTrue();
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("journal-")).sorted().toList();
    }
  }
}
