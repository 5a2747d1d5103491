package dev.xct.examples.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.validate.ApprovalRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/tools.md} true. Every code block in it is preceded by a marker: {@code <!--
 * snippet: FILE#TAG -->} for Java, the lines between {@code // tag::TAG[]} and {@code //
 * end::TAG[]} in FILE (a class or a test of this build, so compiled, and run by the tests), other
 * markers and trailing blank lines dropped, common indentation removed, quoted exactly; {@code <!--
 * json: NAME -->} for JSON, exactly (as JSON) what the ticket example produces under that name. On
 * a mismatch the expected text is written to {@code target/tools-doc/}.
 */
public class ToolsDocTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern BLOCK =
      Pattern.compile(
          "(?:<!-- (snippet|json): (\\S+) -->\\n)?```([a-z]*)\\n(.*?)^```$",
          Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern TAG_LINE = Pattern.compile("^\\s*// (tag|end)::[\\w-]+\\[\\]\\s*$");

  private static String doc;

  @BeforeAll
  static void read() throws IOException {
    doc = Files.readString(ROOT.resolve("docs/tools.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyCodeBlockIsQuotedFromCompiledCodeOrIsWhatTheCodeProduces() throws IOException {
    Map<String, JsonValue> produced = produced();
    List<String> problems = new ArrayList<>();
    Matcher block = BLOCK.matcher(doc);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      String kind = block.group(1);
      String name = block.group(2);
      String language = block.group(3);
      String body = block.group(4);
      if ("snippet".equals(kind) && language.equals("java")) {
        String expected = snippet(name);
        if (!body.equals(expected)) {
          problems.add("snippet " + name + " differs from the code");
          save(name, expected);
        }
      } else if ("json".equals(kind) && language.equals("json")) {
        JsonValue expected = produced.get(name);
        if (expected == null) {
          problems.add("json block " + name + " names nothing the example produces");
        } else if (!JsonValue.parse(body).equals(expected)) {
          problems.add("json block " + name + " is not what the example produces");
          save(name, expected.toJson());
        }
      } else {
        problems.add("a ```" + language + " block without a matching marker: " + abbreviate(body));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(blocks).isGreaterThan(10);
  }

  @Test
  void theDocumentIsLinkedFromTheReadmesQuickStartAndDocumentationList() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    String quickStart =
        readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Use"));
    String list = readme.substring(readme.indexOf("## Documentation"));

    assertThat(quickStart).contains("(docs/tools.md)");
    assertThat(list).contains("(docs/tools.md)");
  }

  /** Returns the lines between the tag's markers, other markers dropped, common indent removed. */
  public static String snippet(String reference) throws IOException {
    String[] parts = reference.split("#", 2);
    List<String> lines = Files.readAllLines(ROOT.resolve(parts[0]), StandardCharsets.UTF_8);
    int start = indexOf(lines, "// tag::" + parts[1] + "[]", reference);
    int end = indexOf(lines, "// end::" + parts[1] + "[]", reference);
    List<String> kept =
        new ArrayList<>(
            lines.subList(start + 1, end).stream()
                .filter(line -> !TAG_LINE.matcher(line).matches())
                .toList());
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
      kept.remove(kept.size() - 1);
    }
    int indent =
        kept.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : kept) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }

  private static int indexOf(List<String> lines, String marker, String reference) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("no " + marker + " for " + reference);
  }

  /** Runs the ticket example and returns, by name, the JSON that docs/tools.md shows. */
  private static Map<String, JsonValue> produced() {
    TicketStore store =
        TicketsExample.seededStore(Clock.fixed(TicketToolsTest.NOW, ZoneOffset.UTC));
    List<ApprovalRequest> asked = new ArrayList<>();
    RunResult run = TicketToolsTest.runScript(store, asked);
    ProtocolCodec codec = ProtocolCodec.strict();
    Map<String, JsonValue> produced = new LinkedHashMap<>();
    produced.put("create-schema", new CreateTicketTool(store).spec().inputSchema());
    for (int step = 1; step < run.steps().size(); step++) {
      produced.put("step-" + step, codec.toWire(run.steps().get(step - 1).result().orElseThrow()));
    }
    produced.put("close-preview", asked.get(0).preview());
    return produced;
  }

  private static void save(String name, String expected) throws IOException {
    Path out = Path.of("target", "tools-doc", name.replaceAll("[^\\w.-]", "_") + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, expected, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
