package dev.xct.cli.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The journal's schema that {@code docs/schema} publishes is the one the jar carries. */
class JournalSchemaTest {
  @Test
  void publishedJournalSchemaIsTheOneInTheJar() throws IOException {
    Path published = Path.of("..", "docs", "schema", "journal.schema.json");
    try (InputStream in =
        ReplayJournal.class.getResourceAsStream("/dev/xct/cli/agent/journal.schema.json")) {
      assertThat(in).isNotNull();
      assertThat(Files.readString(published))
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
