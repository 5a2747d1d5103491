package dev.xct.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A torn tail is news once: when a writer first finds what a crash left, not on every open. */
class TornTailLoggingTest {
  @TempDir Path dir;

  private final Logger journalLogger = (Logger) LoggerFactory.getLogger("dev.xct.core");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void capture() {
    logged.start();
    journalLogger.addAppender(logged);
  }

  @AfterEach
  void release() {
    journalLogger.detachAppender(logged);
  }

  private List<String> warnings() {
    List<String> warnings =
        logged.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    logged.list.clear();
    return warnings;
  }

  @Test
  void aTornTailIsWarnedOnceByTheWriterThatFindsItAndNeverByReaders() throws IOException {
    JournalOptions options = JournalOptions.builder().durability(Durability.NONE).build();
    try (FileJournal journal = FileJournal.open(dir, options)) {
      JournalEvents.run("a", 2).forEach(journal::append);
    }
    Files.write(
        SegmentEdits.segment(dir),
        "{\"seq\":7,\"prev\":\"00".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    try (FileJournal reader = FileJournal.openReadOnly(dir)) {
      assertThat(reader.tornTails()).hasSize(1);
    }
    assertThat(warnings()).as("a read-only open").isEmpty();

    try (FileJournal writer = FileJournal.open(dir, options)) {
      assertThat(warnings()).singleElement().asString().contains("torn record");
      JournalEvents.run("b", 1).forEach(writer::append);
    }

    try (FileJournal writer = FileJournal.open(dir, options)) {
      assertThat(writer.tornTails()).as("still reported as data").hasSize(1);
    }
    try (FileJournal reader = FileJournal.openReadOnly(dir)) {
      assertThat(reader.verify().intact()).isTrue();
    }
    assertThat(warnings()).as("opens after the writer moved on").isEmpty();
  }
}
