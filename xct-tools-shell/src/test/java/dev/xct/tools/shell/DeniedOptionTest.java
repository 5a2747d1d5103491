package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every denied option is refused in every spelling the program would accept, and then some. */
class DeniedOptionTest {
  @TempDir static Path temp;
  static Workspace workspace;
  static Shell shell;

  @BeforeAll
  static void setUp() {
    // Shared by every case: refused calls change nothing, allowed ones only read.
    workspace = new Workspace(temp);
    workspace.file("a.txt", "alpha\nbeta -c\n");
    workspace.file("b.txt", "alpha\ngamma\n");
    workspace.file("--help", "a file named like an option\n");
    workspace.git("init", "-q", ".").git("add", ".").git("commit", "-q", "-m", "init");
    shell = workspace.shell();
  }

  static Stream<Arguments> deniedForms() {
    return Stream.of(
            // find: actions that run programs, delete, write files, follow links
            "find . -exec touch pwned ;",
            "find . -execdir touch pwned ;",
            "find . -ok touch pwned ;",
            "find . -okdir touch pwned ;",
            "find . -delete",
            "find . -fprint pwned",
            "find . -fprint0 pwned",
            "find . -fprintf pwned %p",
            "find . -fls pwned",
            "find -L .",
            "find . -follow",
            "find -files0-from a.txt",
            "find . -name a.txt -exec touch pwned ;",
            "find -- -delete",
            // git: configuration, helper programs, files written or read outside
            "git log --exec-path",
            "git log --exec-path=/tmp",
            "git log --exec",
            "git log --upload-pack=touch",
            "git log --upload-pa=touch",
            "git log --receive-pack=touch",
            "git log --config-env=core.pager=X",
            "git log --config-e=core.pager=X",
            "git log --output=pwned",
            "git log --outp=pwned",
            "git log -- --output=pwned",
            "git diff --no-index a.txt b.txt",
            "git diff --no-i a.txt b.txt",
            "git diff --ext-diff",
            "git log --textconv",
            "git log --tex",
            "git grep -Otouch alpha",
            "git grep -iO alpha",
            "git grep --open-files-in-pager=touch alpha",
            "git blame --contents=a.txt a.txt",
            "git log --show-signature",
            "git log --show-sig",
            "git cat-file --filters HEAD:a.txt",
            "git config core.pager touch",
            "git push",
            "git clone . x",
            "git -c core.pager=touch log",
            "git --exec-path=/tmp log",
            "git -C .. log",
            "git",
            // grep, ls: following links out of the root
            "grep -R alpha .",
            "grep -rR alpha .",
            "grep -Rr alpha .",
            "grep --dereference-recursive alpha .",
            "grep --deref alpha .",
            "ls -L",
            "ls -laL .",
            "ls --dereference",
            "ls --deref",
            "ls . --dereference",
            "ls -- -L",
            // tail: never ends; wc: unchecked file list; diff: runs pr
            "tail -f a.txt",
            "tail -5f a.txt",
            "tail -F a.txt",
            "tail --follow=name a.txt",
            "tail --fol a.txt",
            "wc --files0-from=a.txt",
            "wc --files0-from -",
            "wc --files0 a.txt",
            "diff -l a.txt b.txt",
            "diff -ql a.txt b.txt",
            "diff --paginate a.txt b.txt",
            "diff --pag a.txt b.txt")
        .map(line -> Arguments.of(line));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("deniedForms")
  void deniedOptionsAreRefusedBeforeAnythingRuns(String line) {
    Result.Failure failure =
        Workspace.assertRefused(shell, argv(line.split(" ")), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    assertThat(failure.message()).isNotBlank();
    assertThat(workspace.root.resolve("pwned")).doesNotExist();
  }

  static Stream<Arguments> allowedForms() {
    return Stream.of(
            "find . -name a.txt",
            "find . -type f -newer a.txt",
            "find . -perm /u+r -name *.txt",
            "git log --oneline",
            "git log -c",
            "git log HEAD -c",
            "find -H . -name a.txt",
            "git log -n 1 --format=%H",
            "git log --max-count 1",
            "git show --stat HEAD",
            "git diff --text HEAD",
            "git grep --count alpha",
            "git grep -e alpha",
            "git status --short",
            "git ls-files",
            "git rev-parse HEAD",
            "grep -r alpha .",
            "grep -e -c a.txt",
            "ls --dereference-command-line .",
            "ls --color=never -la",
            "cat -- --help",
            "tail -n 1 a.txt",
            "head -c 5 a.txt",
            "wc -l a.txt b.txt")
        .map(line -> Arguments.of(line));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("allowedForms")
  void harmlessFormsRunForReal(String line) {
    List<String> argv = Arrays.asList(line.split(" "));
    Result result = shell.execute(argv(argv.toArray(String[]::new)));
    assertThat(result).as(line).isInstanceOf(Result.Success.class);
    assertThat(shell.validate(argv(argv.toArray(String[]::new))).allows()).isTrue();
  }
}
