package dev.xct.benchmarks.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes plausible source files, command output and error text from a seeded random source, so that
 * the tokenizer sees what a coding agent's context holds (identifiers, punctuation, paths, numbers)
 * rather than repeated filler. Not thread-safe.
 */
final class Text {
  private static final String[] WORDS = {
    "order",
    "customer",
    "invoice",
    "payment",
    "ledger",
    "account",
    "session",
    "token",
    "request",
    "response",
    "handler",
    "registry",
    "policy",
    "budget",
    "journal",
    "segment",
    "cursor",
    "buffer",
    "schema",
    "record",
    "tenant",
    "shipment",
    "catalog",
    "price",
    "discount",
    "refund",
    "audit",
    "report",
    "export",
    "import",
    "retry",
    "timeout",
    "queue",
    "worker",
    "lease",
    "lock"
  };
  private static final String[] TYPES = {
    "List", "Map", "String", "Optional", "Duration", "Instant", "Path", "BigDecimal", "UUID"
  };
  private static final String[] JAVA = {
    "  private final %T %w;",
    "  public %T %w(%T %w) {",
    "    if (%w == null) {",
    "      throw new IllegalArgumentException(\"%w must not be null: \" + %w);",
    "    }",
    "    return %w.%w(%w);",
    "  }",
    "",
    "  /** Returns the %w of this %w, or empty if it has none. */",
    "    for (%T %w : %ws) {",
    "      %w.add(%w.%w());",
    "    log.debug(\"%w {} for {} after {} ms\", %w, %w, %n);",
    "    %T %w = %w.get(%w).orElseThrow(() -> new %TException(%w));",
    "    var %w = new %T(%w, %n, Duration.ofSeconds(%n));",
    "  @Override",
    "  public boolean equals(Object other) {",
    "    return other instanceof %T that && %w.equals(that.%w);",
  };

  final Random random;

  Text(Random random) {
    this.random = random;
  }

  String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  String type() {
    return random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : camel(word());
  }

  String path() {
    return "src/main/java/dev/acme/" + word() + "/" + camel(word()) + camel(word()) + ".java";
  }

  String directory() {
    return "src/main/java/dev/acme/" + word();
  }

  String hex(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }

  /** Returns a Java source file of about {@code chars} characters. */
  String source(int chars) {
    StringBuilder out = new StringBuilder("package dev.acme.").append(word()).append(";\n\n");
    out.append("import java.util.").append(TYPES[random.nextInt(TYPES.length)]).append(";\n\n");
    out.append("public final class ").append(camel(word())).append(camel(word())).append(" {\n");
    while (out.length() < chars - 2) {
      out.append(fill(JAVA[random.nextInt(JAVA.length)])).append('\n');
    }
    out.setLength(Math.min(out.length(), chars - 2));
    return out.append("\n}").toString();
  }

  String[] command() {
    return switch (random.nextInt(3)) {
      case 0 -> new String[] {"mvn", "-q", "test"};
      case 1 -> new String[] {"git", "log", "-5"};
      default -> new String[] {"ls", "-la", directory()};
    };
  }

  /** Returns what {@code program} might print. */
  String output(String program) {
    StringBuilder out = new StringBuilder();
    int lines = 8 + random.nextInt(program.equals("mvn") ? 60 : 25);
    for (int i = 0; i < lines; i++) {
      switch (program) {
        case "mvn" ->
            out.append(
                fill(
                    random.nextInt(4) == 0
                        ? "[INFO] Building acme-%w 1.4.%n-SNAPSHOT"
                        : "[INFO] Tests run: %n, Failures: 0, Errors: 0, Skipped: 0, Time elapsed:"
                            + " 0.%n s -- in dev.acme.%w.%TTest"));
        case "git" ->
            out.append(
                fill(
                    "commit "
                        + hex(40)
                        + "\nAuthor: Dev %T <dev@acme.test>\nDate:   Fri Dec %n 10:%n:00 2026\n\n"
                        + "    Fix %w handling in %T when the %w is empty\n"));
        default -> out.append(fill("-rw-r--r-- 1 dev dev %n Dec  6 09:%n %T%T.java"));
      }
      out.append('\n');
    }
    return out.toString();
  }

  String grep() {
    StringBuilder out = new StringBuilder();
    int lines = 3 + random.nextInt(30);
    for (int i = 0; i < lines; i++) {
      out.append(path()).append(':').append(1 + random.nextInt(400)).append(':');
      out.append(fill(JAVA[random.nextInt(JAVA.length)])).append('\n');
    }
    return out.toString();
  }

  String compileError() {
    StringBuilder out = new StringBuilder();
    int errors = 1 + random.nextInt(4);
    for (int i = 0; i < errors; i++) {
      out.append(
          fill(
              "[ERROR] /workspace/"
                  + path()
                  + ":[%n,%n] cannot find symbol\n  symbol:   method %w(%T)\n"
                  + "  location: class %T\n"));
    }
    out.append(fill("java.lang.IllegalStateException: %w %w is not ready\n"));
    int frames = 5 + random.nextInt(25);
    for (int i = 0; i < frames; i++) {
      out.append(fill("\tat dev.acme.%w.%T.%w(%T.java:%n)\n"));
    }
    return out.toString();
  }

  List<Map<String, Object>> listing() {
    List<Map<String, Object>> entries = new ArrayList<>();
    int count = 2 + random.nextInt(14);
    for (int i = 0; i < count; i++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", camel(word()) + camel(word()) + ".java");
      entry.put("size", random.nextInt(9_000));
      entries.add(entry);
    }
    return entries;
  }

  private String fill(String template) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '%' && i + 1 < template.length()) {
        char kind = template.charAt(++i);
        out.append(kind == 'w' ? word() : kind == 'T' ? type() : random.nextInt(1_000));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String camel(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
