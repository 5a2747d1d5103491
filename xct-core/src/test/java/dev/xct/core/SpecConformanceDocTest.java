package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps docs/spec-conformance.md honest: every test it names exists in the repository. */
class SpecConformanceDocTest {
  private static final Pattern REFERENCE =
      Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:#([a-z][A-Za-z0-9]*))?`");
  private static final Pattern CONTINUATION = Pattern.compile("`#([a-z][A-Za-z0-9]*)`");
  private static final Pattern METHOD = Pattern.compile("\\bvoid ([a-z][A-Za-z0-9]*)\\(");

  @Test
  void everyTestNamedInTheConformanceMapExists() throws IOException {
    Map<String, Set<String>> tests = testMethodsByClass(Path.of(".."));
    String doc = Files.readString(Path.of("..", "docs", "spec-conformance.md"));

    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String line : doc.lines().toList()) {
      String currentClass = null;
      Matcher matcher =
          Pattern.compile(REFERENCE.pattern() + "|" + CONTINUATION.pattern()).matcher(line);
      while (matcher.find()) {
        String type = matcher.group(1);
        String method = type != null ? matcher.group(2) : matcher.group(3);
        if (type != null) {
          currentClass = type;
        }
        if (currentClass == null) {
          missing.add("no class before " + matcher.group());
          continue;
        }
        checked++;
        Set<String> methods = tests.get(currentClass);
        if (methods == null) {
          missing.add(currentClass);
        } else if (method != null && !methods.contains(method)) {
          missing.add(currentClass + "#" + method);
        }
      }
    }
    assertThat(checked).isGreaterThan(40);
    assertThat(missing).isEmpty();
  }

  private static Map<String, Set<String>> testMethodsByClass(Path root) throws IOException {
    Map<String, Set<String>> tests = new HashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(SpecConformanceDocTest::isTestSource).toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        Set<String> methods = tests.computeIfAbsent(name, k -> new HashSet<>());
        Matcher matcher = METHOD.matcher(Files.readString(file));
        while (matcher.find()) {
          methods.add(matcher.group(1));
        }
      }
    }
    return tests;
  }

  private static boolean isTestSource(Path file) {
    String path = file.toString().replace('\\', '/');
    return path.contains("/src/test/java/")
        && path.endsWith("Test.java")
        && !path.contains("/target/");
  }
}
