package dev.xct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.mcp.McpErrorCodes;
import dev.xct.model.openai.OpenAiModelClient;
import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.shell.ShellErrorCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every name the documentation gives a reader to match on, set or look up exists in the code: error
 * codes, constants and environment variables ({@code docs/*.md}, {@code README.md}), the model's
 * environment variables, and the types and states {@code docs/architecture.md} describes. A name
 * that nothing produces (an error code renamed, a test fixture's code) fails here.
 */
class DocNamesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern CONSTANT = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");

  /** Names of other software the docs mention; XCT neither defines nor reads them. */
  private static final Set<String> OTHER_SOFTWARE =
      Set.of(
          "FAIL_ON_READING_DUP_TREE_KEY", // a Jackson feature
          "GIT_CONFIG_PARAMETERS", // git's environment, which the shell tool scrubs
          "GIT_DIR",
          "LD_PRELOAD", // the dynamic linker's
          "OPENAI_API_KEY", // other clients' convention, which XCT does not read
          "O_NONBLOCK", // an open(2) flag
          "POSIXLY_CORRECT", // getopt's
          "TAR_OPTIONS"); // tar's

  static List<Path> docs() {
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      List<Path> docs =
          new ArrayList<>(files.filter(f -> f.toString().endsWith(".md")).sorted().toList());
      docs.add(ROOT.resolve("README.md"));
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the text of every main source and resource of every module, and the launcher. */
  private static String mainSources() throws IOException {
    return sources("main") + read(ROOT.resolve("xct"));
  }

  /** Returns the text of every file under each module's {@code src/<kind>}. */
  private static String sources(String kind) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path main : modules.map(m -> m.resolve("src").resolve(kind)).toList()) {
        if (Files.isDirectory(main)) {
          try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
              all.append('\n').append(read(file));
            }
          }
        }
      }
    }
    return all.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyConstantTheDocsNameIsInTheCode() throws IOException {
    String code = mainSources();
    Map<String, Set<String>> missing = new TreeMap<>();
    for (Path doc : docs()) {
      Matcher names = CONSTANT.matcher(read(doc));
      while (names.find()) {
        String name = names.group(1);
        if (!OTHER_SOFTWARE.contains(name)
            && !Pattern.compile("\\b" + name + "\\b").matcher(code).find()) {
          missing.computeIfAbsent(name, n -> new TreeSet<>()).add(doc.getFileName().toString());
        }
      }
    }

    assertThat(missing).as("names in the docs that no main source defines or reads").isEmpty();
  }

  @Test
  void everyCodeInACodeTableIsAnErrorCodeOfXct() {
    Set<String> codes = new TreeSet<>();
    // A refused answer to a paused run has codes of its own, returned to the caller, not the model.
    for (Class<?> holder :
        List.of(
            ErrorCodes.class,
            FsErrorCodes.class,
            ShellErrorCodes.class,
            McpErrorCodes.class,
            ApprovalOutcome.Refused.class)) {
      codes.addAll(constants(holder));
    }
    Map<String, String> unknown = new TreeMap<>();
    for (Path doc : docs()) {
      for (List<String> row : tableRows(read(doc), "code")) {
        Matcher code = Pattern.compile("^`([A-Z0-9_]+)`$").matcher(row.get(0));
        if (code.matches() && !codes.contains(code.group(1))) {
          unknown.put(code.group(1), doc.getFileName().toString());
        }
      }
    }

    assertThat(unknown).as("codes in the docs' code tables that XCT never returns").isEmpty();
  }

  @Test
  void theModelVariableTablesListExactlyWhatTheOpenAiClientReads() {
    Set<String> read = new TreeSet<>();
    for (Field field : OpenAiModelClient.class.getFields()) {
      if (field.getName().startsWith("ENV_")) {
        read.add(value(field));
      }
    }

    for (String doc : List.of("models.md", "cli.md")) {
      Set<String> listed = new TreeSet<>();
      for (List<String> row : tableRows(read(ROOT.resolve("docs").resolve(doc)), "variable")) {
        String name = row.get(0).replace("`", "");
        if (name.startsWith("XCT_MODEL") || name.equals("XCT_API_KEY")) {
          listed.add(name);
        }
      }
      assertThat(listed).as(doc).isEqualTo(read);
    }
    assertThat(read).hasSize(4);
  }

  @Test
  void theTypesAndStatesTheArchitecturePageNamesExist() throws IOException {
    String code = mainSources() + sources("test"); // the page names the tests that enforce it
    String page = read(ROOT.resolve("docs").resolve("architecture.md"));
    Set<String> missing = new TreeSet<>();
    Matcher types = Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)`").matcher(page);
    while (types.find()) {
      String type = types.group(1);
      boolean declared =
          Pattern.compile("(class|interface|record|enum) " + type + "\\b").matcher(code).find();
      if (!declared && !type.equals("AutoCloseable")) {
        missing.add(type);
      }
    }
    // The step diagram names run statuses and outcomes in capitals.
    Matcher states = Pattern.compile("\\b([A-Z][A-Z_]{3,})\\b").matcher(page);
    while (states.find()) {
      String state = states.group(1);
      if (!Set.of("HTTP", "JSON", "YAML").contains(state)
          && !Pattern.compile("\\b" + state + "\\b").matcher(code).find()) {
        missing.add(state);
      }
    }

    assertThat(missing).as("names in architecture.md that the code does not have").isEmpty();
  }

  /** Returns the rows, split into trimmed cells, of every table whose first header is {@code h}. */
  static List<List<String>> tableRows(String markdown, String header) {
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : markdown.lines().toList()) {
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      List<String> cells =
          Stream.of(line.substring(1).split("(?<!\\\\)\\|")).map(String::strip).toList();
      if (!inTable) {
        inTable = cells.get(0).equals(header);
        continue;
      }
      if (!cells.get(0).matches("-+:?|:?-+")) {
        rows.add(cells);
      }
    }
    return rows;
  }

  private static Set<String> constants(Class<?> holder) {
    return Stream.of(holder.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(DocNamesTest::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
