package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsErrorCodes.HARD_LINK_NOT_ALLOWED;
import static dev.xct.tools.fs.FsErrorCodes.INVALID_PATH;
import static dev.xct.tools.fs.FsErrorCodes.NOT_A_DIRECTORY;
import static dev.xct.tools.fs.FsErrorCodes.NOT_A_FILE;
import static dev.xct.tools.fs.FsErrorCodes.PATH_DENIED;
import static dev.xct.tools.fs.FsErrorCodes.PATH_OUTSIDE_ROOT;
import static dev.xct.tools.fs.FsErrorCodes.READ_ONLY_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws hostile paths at {@link PathConfinement} on a real tree of traps; every one must be
 * refused with the expected code, disclose nothing, and leave everything outside untouched.
 */
class PathConfinementAdversarialTest {
  @TempDir Path temp;
  private Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(temp);
  }

  static Stream<Arguments> hostilePaths() {
    return Stream.of(
        // .. chains
        Arguments.of("../outside/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("../../../../../../../../etc/passwd", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("sub/../../outside/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("sub/./../..", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("..", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("../root/hello.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("missing/../../outside", PathAccess.WRITE, PATH_OUTSIDE_ROOT),
        // absolute paths and root-prefix siblings
        Arguments.of("/etc/passwd", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("{outside}/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("{root}_evil/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("{root}_evil/new.txt", PathAccess.WRITE, PATH_OUTSIDE_ROOT),
        Arguments.of("{root}/../outside/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("{base}", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("/", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("/dev/null", PathAccess.READ, PATH_OUTSIDE_ROOT),
        // encoded and look-alike dots, backslashes, NUL, control characters, long paths
        Arguments.of("%2e%2e/outside/secret.txt", PathAccess.READ, INVALID_PATH),
        Arguments.of("%2E%2E%2Foutside%2Fsecret.txt", PathAccess.READ, INVALID_PATH),
        Arguments.of("..%2fsecret.txt", PathAccess.READ, INVALID_PATH),
        Arguments.of("%252e%252e/outside", PathAccess.READ, INVALID_PATH),
        Arguments.of("\uFF0E\uFF0E/outside/secret.txt", PathAccess.READ, INVALID_PATH),
        Arguments.of("\u2024\u2024/outside/secret.txt", PathAccess.READ, INVALID_PATH),
        Arguments.of("\u2025/outside/secret.txt", PathAccess.WRITE, INVALID_PATH),
        Arguments.of("sub\uFF0F..\uFF0F..", PathAccess.READ, INVALID_PATH),
        Arguments.of("..\\outside\\secret.txt", PathAccess.READ, INVALID_PATH),
        Arguments.of("sub\\..\\..\\outside", PathAccess.WRITE, INVALID_PATH),
        Arguments.of("hello.txt\u0000.png", PathAccess.READ, INVALID_PATH),
        Arguments.of("\u0000", PathAccess.READ, INVALID_PATH),
        Arguments.of("notes\nPATH OK.txt", PathAccess.WRITE, INVALID_PATH),
        Arguments.of("\u202Etxt.exe", PathAccess.WRITE, INVALID_PATH),
        Arguments.of("zero\u200Bwidth.txt", PathAccess.WRITE, INVALID_PATH),
        Arguments.of("", PathAccess.READ, INVALID_PATH),
        Arguments.of("a/".repeat(3000) + "x", PathAccess.WRITE, INVALID_PATH),
        Arguments.of("x".repeat(300), PathAccess.WRITE, INVALID_PATH),
        Arguments.of("bad\uD800surrogate", PathAccess.WRITE, INVALID_PATH),
        // symbolic links
        Arguments.of("link-out-file", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-out-file", PathAccess.WRITE, PATH_OUTSIDE_ROOT),
        Arguments.of("link-out-dir/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-out-dir", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-out-dir/new.txt", PathAccess.WRITE, PATH_OUTSIDE_ROOT),
        Arguments.of("link-out-dir/newdir/new.txt", PathAccess.WRITE, PATH_OUTSIDE_ROOT),
        Arguments.of("chain1", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("dangling-out", PathAccess.WRITE, PATH_OUTSIDE_ROOT),
        Arguments.of("rel-out", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-root-evil/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-deep/../secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-sub/../../outside/secret.txt", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-oracle", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("loop1", PathAccess.READ, INVALID_PATH),
        // special files and /proc behind links: refused without opening (no hang)
        Arguments.of("fifo", PathAccess.READ, NOT_A_FILE),
        Arguments.of("link-fifo", PathAccess.READ, NOT_A_FILE),
        Arguments.of("link-out-fifo", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-proc", PathAccess.READ, PATH_OUTSIDE_ROOT),
        Arguments.of("link-dev", PathAccess.READ, PATH_OUTSIDE_ROOT),
        // deny globs and their bypasses
        Arguments.of(".env", PathAccess.READ, PATH_DENIED),
        Arguments.of("sub/../.env", PathAccess.READ, PATH_DENIED),
        Arguments.of(".ENV", PathAccess.READ, PATH_DENIED),
        Arguments.of(".env.", PathAccess.WRITE, PATH_DENIED),
        Arguments.of("sub/.Env.local", PathAccess.WRITE, PATH_DENIED),
        Arguments.of("keys/server.PEM", PathAccess.READ, PATH_DENIED),
        Arguments.of("\uFF0Eenv", PathAccess.READ, PATH_DENIED),
        Arguments.of("to-env", PathAccess.READ, PATH_DENIED),
        Arguments.of(".git/config", PathAccess.WRITE, PATH_DENIED),
        Arguments.of(".GIT/hooks/pre-commit", PathAccess.WRITE, PATH_DENIED),
        Arguments.of("to-git/config", PathAccess.WRITE, PATH_DENIED),
        Arguments.of("sub/../.git", PathAccess.WRITE, PATH_DENIED),
        // shapes, read-only roots, hard links
        Arguments.of("hello.txt/x", PathAccess.READ, NOT_A_DIRECTORY),
        Arguments.of("{ro}/notes.txt", PathAccess.WRITE, READ_ONLY_ROOT),
        Arguments.of("{ro}/new.txt", PathAccess.WRITE, READ_ONLY_ROOT),
        Arguments.of("hard", PathAccess.WRITE, HARD_LINK_NOT_ALLOWED),
        Arguments.of("hard", PathAccess.READ, HARD_LINK_NOT_ALLOWED),
        Arguments.of("hard-env", PathAccess.READ, HARD_LINK_NOT_ALLOWED),
        Arguments.of("link-hard", PathAccess.READ, HARD_LINK_NOT_ALLOWED));
  }

  @ParameterizedTest(name = "[{index}] {1} {0} -> {2}")
  @MethodSource("hostilePaths")
  void hostilePathIsRefusedWithItsCodeAndWithoutSideEffects(
      String path, PathAccess access, String code) {
    String input = box.expand(path);

    PathResolution resolution = box.confinement().resolve(input, access);

    assertThat(resolution).isInstanceOf(PathResolution.Refused.class);
    PathResolution.Refused refused = (PathResolution.Refused) resolution;
    assertThat(refused.code()).isEqualTo(code);
    box.assertDiscloses(refused.failure(), input);
    box.assertOutsideUntouched();
  }
}
