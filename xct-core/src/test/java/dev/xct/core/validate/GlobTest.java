package dev.xct.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import java.time.Duration;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one glob dialect, as values ({@link Glob#of}, policy conditions) and as relative paths
 * ({@link Glob#forRelativePaths}, fs deny rules and fs.find). Tool-name globs are in {@link
 * ToolGlobTest}.
 */
class GlobTest {
  private static final Duration FAST = Duration.ofSeconds(2);

  @ParameterizedTest(name = "value glob {0} ~ {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the former policy-condition cases: '*' and '?' stay within a segment, '**' crosses
        "/srv/**                | /srv/app/logs/a.log | true",
        "/srv/*                 | /srv/app/logs/a.log | false",
        "/srv/*/logs/*.log      | /srv/app/logs/a.log | true",
        "/srv/app/logs/?.log    | /srv/app/logs/a.log | true",
        "/srv/app/logs/??.log   | /srv/app/logs/a.log | false",
        "**.log                 | /srv/app/logs/a.log | true",
        "/etc/**                | /srv/app/logs/a.log | false",
        "/srv/**                | /srv/../etc/passwd  | true",
        "src/**                 | src/a/B.java        | true",
        "src/**                 | lib/src/a           | false",
        // the whole value must match, so a glob without '/' does not match at any depth
        "*.md                   | docs/a.md           | false",
        "*.md                   | a.md                | true",
        "**/*.md                | docs/a.md           | true",
        // '**/' may match nothing, and a final '/**' matches the directory itself
        "**/*.md                | a.md                | true",
        "/srv/**/x              | /srv/x              | true",
        "/srv/**/x              | /srv/a/b/x          | true",
        "/srv/**/x              | /srv/ax             | false",
        "/srv/**                | /srv                | true",
        "/srv/**                | /srvx               | false",
        "/**                    | /                   | true",
        "/**                    | ''                  | false",
        "a**/b                  | ab                  | true",
        "a**b                   | a/x/b               | true",
        // braces, literal punctuation, no character classes, no special dotfiles, case matters
        "'/srv/{app,web}/**'    | /srv/web/x          | true",
        "'/srv/{app,web}/**'    | /srv/db/x           | false",
        "'{*.yml,*.yaml}'       | ci.yaml             | true",
        "'{a,}b'                | b                   | true",
        "'a,b'                  | 'a,b'               | true",
        "a}b                    | a}b                 | true",
        "[ab]                   | [ab]                | true",
        "[ab]                   | a                   | false",
        "(x)+                   | (x)+                | true",
        "a.b                    | axb                 | false",
        "*                      | .env                | true",
        "*                      | a/b                 | false",
        "**                     | a/b                 | true",
        "?                      | /                   | false",
        "?                      | é                   | true",
        "?.md                   | \uD83D\uDE00.md     | true",
        "A*                     | a                   | false",
        // escapes
        "'a\\*b\\?c.d[e]'       | 'a*b?c.d[e]'        | true",
        "'a\\*b\\?c?d[e]'       | 'a*b?c.d[e]'        | true",
        "'a\\*b\\?cxd[e]'       | 'a*b?c.d[e]'        | false",
        "'a.b?c.d[e]'           | 'a*b?c.d[e]'        | false",
        "'\\{a,b\\}'            | '{a,b}'             | true",
        "'\\{a,b\\}'            | a                   | false",
        "'c:\\\\*'              | 'c:\\x'             | true",
      })
  void valueGlobsMatchTheWholeValue(String glob, String text, boolean expected) {
    assertThat(Glob.of(glob).matches(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "path glob {0} ~ {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the former fs cases, unchanged
        "*.java                 | A.java              | true",
        "*.java                 | src/a/A.java        | true",
        "*.java                 | A.javax             | false",
        "src/*.java             | src/A.java          | true",
        "src/*.java             | src/a/A.java        | false",
        "src/**/*.java          | src/A.java          | true",
        "src/**/*.java          | src/a/b/A.java      | true",
        "src/**/*.java          | lib/src/A.java      | false",
        "/build                 | build               | true",
        "/build                 | a/build             | false",
        ".git/**                | .git                | true",
        ".git/**                | .git/config         | true",
        ".git/**                | a/.git/config       | false",
        "?.md                   | a.md                | true",
        "?.md                   | ab.md               | false",
        "'*.{yml,yaml}'         | ci.yaml             | true",
        "'*.{yml,yaml}'         | ci.json             | false",
        "a.b                    | axb                 | false",
        "(x)+                   | (x)+                | true",
        "**                     | anything/at/all     | true",
        ".env                   | a/b/.env            | true",
        ".env                   | a.env               | false",
        ".env                   | .env/x              | false",
        "id_rsa*                | keys/id_rsa.pub     | true",
        "id_rsa*                | keys/id_rs          | false",
        "id_rsa*                | id_rsa/x            | false",
        "*.pem                  | a/b.pem             | true",
        "*.pem                  | b.pem/x             | false",
        "*.pem                  | b.pemx              | false",
        "'*.{yml,yaml}'         | a/b/ci.yml          | true",
        "a*b                    | x/aXXb              | true",
        "a*b                    | x/aXX/b             | false",
        // .gitignore conventions: trailing '/' ignored, no other '/' means any depth
        "secrets/               | secrets             | true",
        "secrets/               | a/secrets           | true",
        "/secrets/              | secrets             | true",
        "/secrets/              | a/secrets           | false",
        "config/prod.yaml       | config/prod.yaml    | true",
        "config/prod.yaml       | x/config/prod.yaml  | false",
        "**/secrets             | secrets             | true",
        "**/secrets             | a/b/secrets         | true",
        "**.env                 | a/b/x.env           | true",
        "**.env                 | x.env/y             | false",
        "a**b                   | x/a/y/b             | true",
        "*                      | a/b                 | true",
        ".env.*                 | .env.local          | true",
        ".env.*                 | .env                | false",
        "'*.{pem,key}'          | a/b.key             | true",
        "'{src,test}/*.md'      | test/a.md           | true",
        "'{src,test}/*.md'      | x/test/a.md         | false",
        "?.md                   | \uD83D\uDE00.md     | true",
        "'\\{x\\}'              | a/{x}               | true",
        "[ab]                   | x/[ab]              | true",
        "A.txt                  | a.txt               | false",
      })
  void pathGlobsFollowGitignoreConventions(String glob, String path, boolean expected) {
    assertThat(Glob.forRelativePaths(glob).matches(path)).isEqualTo(expected);
  }

  static Stream<Arguments> malformed() {
    Function<String, Glob> value = Glob::of;
    Function<String, Glob> path = Glob::forRelativePaths;
    Function<String, Glob> tool = Glob::forToolNames;
    return Stream.of(
        Arguments.of(value, "", "is empty"),
        Arguments.of(value, "a***", "more than two '*'"),
        Arguments.of(value, "trailing\\", "lone backslash"),
        Arguments.of(value, "c:\\users\\*", "escapes 'u'"),
        Arguments.of(value, "\\.env", "escapes '.'"),
        Arguments.of(value, "{a,b", "unclosed '{'"),
        Arguments.of(value, "{a,{b}}", "nests braces"),
        Arguments.of(path, " ", "non-blank"),
        Arguments.of(path, "a\0b", "without NUL"),
        Arguments.of(path, "/", "names no path"),
        Arguments.of(path, "//", "names no path"),
        Arguments.of(path, "secrets\\keys", "escapes 'k'"),
        Arguments.of(path, "**/***", "more than two '*'"),
        Arguments.of(path, "*.{pem,key", "unclosed '{'"),
        Arguments.of(tool, "fs.{read,list}", "dot-separated segments"),
        Arguments.of(tool, "fs.***", "more than two '*'"),
        Arguments.of(tool, "fs.?", "dot-separated segments"));
  }

  @ParameterizedTest(name = "[{index}] {1} is rejected: {2}")
  @MethodSource("malformed")
  void malformedGlobsFailAtBuildTimeQuotingTheGlob(
      Function<String, Glob> factory, String glob, String problem) {
    assertThatThrownBy(() -> factory.apply(glob))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'" + glob + "'")
        .hasMessageContaining(problem);
  }

  @Test
  void aGlobKeepsItsTextAsWritten() {
    assertThat(Glob.forRelativePaths("/Secrets/").glob()).isEqualTo("/Secrets/");
    assertThat(Glob.of("src/**")).hasToString("src/**");
  }

  static Stream<Arguments> hostile() {
    String path = "a/".repeat(2047) + "a";
    String name = "a".repeat(20_000);
    return Stream.of(
        Arguments.of("*a".repeat(16) + "b", name),
        Arguments.of("**a".repeat(16) + "b", path),
        Arguments.of("*a".repeat(512), "a".repeat(4096)),
        Arguments.of("*a".repeat(511) + "b", "a".repeat(4096)),
        Arguments.of("**/a".repeat(256) + "/b", path),
        Arguments.of("{a,*,**,?}".repeat(200) + "b", path),
        Arguments.of("?".repeat(1000) + "*b", name));
  }

  @ParameterizedTest(name = "[{index}] many wildcards against a long text stay fast")
  @MethodSource("hostile")
  void matchingNeverBacktracks(String glob, String text) {
    for (Glob compiled : new Glob[] {Glob.of(glob), Glob.forRelativePaths(glob)}) {
      long start = System.nanoTime();
      compiled.matches(text);
      compiled.matches(text + "/b");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
    }
  }

  /**
   * Compares the matcher with Java regular expressions translated from the documented grammar, on
   * every glob and text of a small alphabet that random draws reach; the texts are short, so the
   * regular expressions' backtracking does not matter here.
   */
  @Test
  void matcherAgreesWithTheGrammarOnRandomGlobsAndTexts() {
    String[] pieces = {"a", "b", "/", "*", "**", "?", "**/", "/**", "{a,b/}", "{,*a}", "\\*", "."};
    Random random = new Random(15);
    int compared = 0;
    for (int i = 0; i < 4000; i++) {
      StringBuilder glob = new StringBuilder();
      for (int k = random.nextInt(5) + 1; k > 0; k--) {
        glob.append(pieces[random.nextInt(pieces.length)]);
      }
      Glob value;
      Glob path;
      try {
        value = Glob.of(glob.toString());
        path = Glob.forRelativePaths(glob.toString());
      } catch (XctException malformed) {
        continue;
      }
      Pattern valueRegex = Pattern.compile(regex(glob.toString()), Pattern.DOTALL);
      Pattern pathRegex = Pattern.compile(pathRegex(glob.toString()), Pattern.DOTALL);
      for (int t = 0; t < 30; t++) {
        String text = text(random);
        assertThat(value.matches(text))
            .as("%s ~ %s", glob, text)
            .isEqualTo(valueRegex.matcher(text).matches());
        assertThat(path.matches(text))
            .as("path %s ~ %s", glob, text)
            .isEqualTo(pathRegex.matcher(text).matches());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(50_000);
  }

  private static String text(Random random) {
    String alphabet = "ab/*.";
    StringBuilder text = new StringBuilder();
    for (int k = random.nextInt(8); k > 0; k--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String pathRegex(String glob) {
    String body = glob;
    while (body.length() > 1 && body.endsWith("/")) {
      body = body.substring(0, body.length() - 1);
    }
    boolean anchored = body.contains("/");
    body = body.replaceFirst("^/+", "");
    return (anchored ? "" : "(?:.*/)?") + regex(body);
  }

  /** Translates a well-formed glob with '/' as separator, following the documented grammar. */
  private static String regex(String glob) {
    String slashPart = Pattern.quote("/");
    StringBuilder out = new StringBuilder();
    boolean inBraces = false;
    int topParts = 0;
    boolean slashLast = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      String part;
      if (c == '*' && glob.startsWith("**/", i)) {
        part = "(?:.*/)?";
        i += 2;
      } else if (c == '*' && glob.startsWith("**", i)) {
        i++;
        if (i + 1 == glob.length() && !inBraces && topParts >= 2 && slashLast) {
          out.setLength(out.length() - slashPart.length());
          topParts--;
          part = "(?:/.*)?";
        } else {
          part = ".*";
        }
      } else if (c == '*') {
        part = "[^/]*";
      } else if (c == '?') {
        part = "[^/]";
      } else if (c == '\\') {
        part = Pattern.quote(String.valueOf(glob.charAt(++i)));
      } else if (c == '{') {
        inBraces = true;
        out.append("(?:");
        continue;
      } else if (c == ',' && inBraces) {
        out.append('|');
        continue;
      } else if (c == '}' && inBraces) {
        inBraces = false;
        out.append(')');
        topParts++;
        slashLast = false;
        continue;
      } else {
        part = Pattern.quote(String.valueOf(c));
      }
      out.append(part);
      if (!inBraces) {
        topParts++;
        slashLast = c == '/';
      }
    }
    return out.toString();
  }
}
