package dev.xct.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.internal.event.EventParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event line the documentation shows in a code block is one the library reads back: it parses
 * with the journal's own parser, and writing the event again gives the same members, in the same
 * order, with the same values. Only {@code xct replay --journal}'s additions for {@code jq}
 * (docs/cli.md) may come on top.
 */
class DocEventExamplesTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the CLI's journal export adds to a {@code step_completed} line. */
  private static final Set<String> EXPORT_ADDITIONS =
      Set.of("arguments", "goal", "status", "code", "message");

  private static List<String> eventLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> docs = Files.list(DOCS)) {
      for (Path doc : docs.filter(d -> d.toString().endsWith(".md")).sorted().toList()) {
        boolean inBlock = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
          if (line.startsWith("```")) {
            inBlock = !inBlock;
          } else if (inBlock && line.startsWith("{\"type\":\"") && line.contains("\"run_id\"")) {
            lines.add(line);
          }
        }
      }
    }
    return lines;
  }

  @Test
  void everyDocumentedEventParsesAndIsWrittenBackWithTheSameMembers() throws IOException {
    List<String> lines = eventLines();
    assertThat(lines).as("the docs show at least the journal's step_completed line").isNotEmpty();

    for (String line : lines) {
      JsonNode documented = JSON.readTree(line);
      JsonNode written = JSON.readTree(JsonLinesEventWriter.line(EventParser.parse(line)));

      List<String> documentedNames = new ArrayList<>(documented.propertyNames());
      List<String> writtenNames = new ArrayList<>(written.propertyNames());
      assertThat(documentedNames).as(line).containsSubsequence(writtenNames);
      for (String name : writtenNames) {
        assertThat(documented.get(name)).as("%s in %s", name, line).isEqualTo(written.get(name));
      }
      documentedNames.removeAll(writtenNames);
      assertThat(documentedNames)
          .as("members the event does not have, in %s", line)
          .allMatch(
              name ->
                  documented.get("type").asString().equals("step_completed")
                      && EXPORT_ADDITIONS.contains(name));
    }
  }
}
