package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsErrorCodes.ALREADY_EXISTS;
import static dev.xct.tools.fs.FsErrorCodes.HARD_LINK_NOT_ALLOWED;
import static dev.xct.tools.fs.FsErrorCodes.INVALID_PATH;
import static dev.xct.tools.fs.FsErrorCodes.NOT_A_FILE;
import static dev.xct.tools.fs.FsErrorCodes.PATH_DENIED;
import static dev.xct.tools.fs.FsErrorCodes.PATH_OUTSIDE_ROOT;
import static dev.xct.tools.fs.FsErrorCodes.READ_ONLY_ROOT;
import static dev.xct.tools.fs.FsErrorCodes.SYMLINK_NOT_ALLOWED;
import static dev.xct.tools.fs.FsErrorCodes.TOO_LARGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws hostile tool calls at the fs tools on a real tree of traps. Each is run twice: through the
 * loop's order (schema, fs-confinement validator, tool) and straight into the tool, as if the
 * validator had been left out of the chain; both must refuse with the same code, disclose nothing,
 * leave everything outside the root untouched, and leave no temporary file behind.
 */
class FsToolsAdversarialTest {
  private static final int CAP = 4096;

  @TempDir Path temp;
  private Sandbox box;
  private FsHarness harness;

  @BeforeEach
  void setUp() throws IOException {
    box = new Sandbox(temp);
    Sandbox.write(box.root.resolve("big.txt"), "x".repeat(CAP + 1));
    harness =
        new FsHarness(
            FsTools.builder(box.confinement()).maxReadBytes(CAP).maxWriteBytes(CAP).build());
  }

  static Stream<Arguments> hostileCalls() {
    String big = "y".repeat(CAP + 1);
    String almost = "y".repeat(CAP - 2);
    return Stream.of(
        // fs.read
        Arguments.of("fs.read", "{'path':'../outside/secret.txt'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'{outside}/secret.txt'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'{root}_evil/secret.txt'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'link-out-file'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'link-out-dir/secret.txt'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'chain1'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'fifo'}", NOT_A_FILE),
        Arguments.of("fs.read", "{'path':'link-fifo'}", NOT_A_FILE),
        Arguments.of("fs.read", "{'path':'link-out-fifo'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'link-proc'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'/proc/self/environ'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.read", "{'path':'.env'}", PATH_DENIED),
        Arguments.of("fs.read", "{'path':'sub/../.env'}", PATH_DENIED),
        Arguments.of("fs.read", "{'path':'.ENV'}", PATH_DENIED),
        Arguments.of("fs.read", "{'path':'to-env','encoding':'base64'}", PATH_DENIED),
        Arguments.of("fs.read", "{'path':'big.txt'}", TOO_LARGE),
        Arguments.of("fs.read", "{'path':'hard'}", HARD_LINK_NOT_ALLOWED),
        Arguments.of("fs.read", "{'path':'hard','encoding':'base64'}", HARD_LINK_NOT_ALLOWED),
        Arguments.of("fs.read", "{'path':'hard-env'}", HARD_LINK_NOT_ALLOWED),
        Arguments.of("fs.read", "{'path':'link-hard','offset':1}", HARD_LINK_NOT_ALLOWED),
        // fs.write
        Arguments.of(
            "fs.write", "{'path':'link-out-dir/new.txt','content':'x'}", PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.write",
            "{'path':'link-out-dir/n/new.txt','content':'x','createParents':true}",
            PATH_OUTSIDE_ROOT),
        Arguments.of("fs.write", "{'path':'dangling-out','content':'x'}", PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.write",
            "{'path':'link-out-file','content':'x','mode':'overwrite'}",
            PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.write",
            "{'path':'link-out-file','content':'x','mode':'append'}",
            PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.write", "{'path':'hard','content':'x','mode':'overwrite'}", HARD_LINK_NOT_ALLOWED),
        Arguments.of("fs.write", "{'path':'.git/hooks/pre-commit','content':'x'}", PATH_DENIED),
        Arguments.of(
            "fs.write", "{'path':'to-git/config','content':'x','mode':'overwrite'}", PATH_DENIED),
        Arguments.of("fs.write", "{'path':'.env.','content':'x'}", PATH_DENIED),
        Arguments.of("fs.write", "{'path':'certs/Server.Pem','content':'x'}", PATH_DENIED),
        Arguments.of("fs.write", "{'path':'{ro}/new.txt','content':'x'}", READ_ONLY_ROOT),
        Arguments.of("fs.write", "{'path':'%2e%2e/outside/pwned.txt','content':'x'}", INVALID_PATH),
        Arguments.of(
            "fs.write", "{'path':'..\\\\outside\\\\pwned.txt','content':'x'}", INVALID_PATH),
        Arguments.of("fs.write", "{'path':'pwned\\u0000.txt','content':'x'}", INVALID_PATH),
        Arguments.of(
            "fs.write", "{'path':'\\uff0e\\uff0e/outside/pwned.txt','content':'x'}", INVALID_PATH),
        Arguments.of("fs.write", "{'path':'fifo','content':'x','mode':'overwrite'}", NOT_A_FILE),
        Arguments.of("fs.write", "{'path':'sub','content':'x','mode':'overwrite'}", NOT_A_FILE),
        Arguments.of("fs.write", "{'path':'new.txt','content':'" + big + "'}", TOO_LARGE),
        Arguments.of(
            "fs.write",
            "{'path':'hello.txt','content':'" + almost + "','mode':'append'}",
            TOO_LARGE),
        // fs.edit
        Arguments.of(
            "fs.edit", "{'path':'link-out-file','oldText':'TOP','newText':'x'}", PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.edit", "{'path':'hard','oldText':'TOP','newText':'x'}", HARD_LINK_NOT_ALLOWED),
        Arguments.of("fs.edit", "{'path':'big.txt','oldText':'x','newText':'y'}", TOO_LARGE),
        Arguments.of("fs.edit", "{'path':'.env','oldText':'API','newText':'x'}", PATH_DENIED),
        // fs.mkdir
        Arguments.of("fs.mkdir", "{'path':'link-out-dir/newdir'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.mkdir", "{'path':'../outside/newdir'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.mkdir", "{'path':'.git/x'}", PATH_DENIED),
        // fs.delete
        Arguments.of("fs.delete", "{'path':'.','recursive':true}", PATH_DENIED),
        Arguments.of("fs.delete", "{'path':'{root}','recursive':true}", PATH_DENIED),
        Arguments.of("fs.delete", "{'path':'sub/..','recursive':true}", PATH_DENIED),
        Arguments.of("fs.delete", "{'path':'link-sub/..','recursive':true}", PATH_DENIED),
        Arguments.of("fs.delete", "{'path':'link-out-dir/secret.txt'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.delete", "{'path':'../outside/secret.txt'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.delete", "{'path':'.git','recursive':true}", PATH_DENIED),
        Arguments.of("fs.delete", "{'path':'{ro}/notes.txt'}", READ_ONLY_ROOT),
        Arguments.of("fs.delete", "{'path':'hard'}", HARD_LINK_NOT_ALLOWED),
        // fs.move
        Arguments.of(
            "fs.move",
            "{'source':'hello.txt','destination':'../outside/moved.txt'}",
            PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.move",
            "{'source':'hello.txt','destination':'link-out-dir/moved.txt'}",
            PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.move",
            "{'source':'hello.txt','destination':'{root}_evil/moved.txt'}",
            PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.move",
            "{'source':'link-out-dir/secret.txt','destination':'s.txt'}",
            PATH_OUTSIDE_ROOT),
        Arguments.of(
            "fs.move",
            "{'source':'link-out-file','destination':'config.json'}",
            SYMLINK_NOT_ALLOWED),
        Arguments.of(
            "fs.move", "{'source':'link-in','destination':'sub/x/y'}", SYMLINK_NOT_ALLOWED),
        Arguments.of("fs.move", "{'source':'.','destination':'elsewhere'}", PATH_DENIED),
        Arguments.of("fs.move", "{'source':'sub','destination':'.git/sub'}", PATH_DENIED),
        Arguments.of("fs.move", "{'source':'hello.txt','destination':'.env'}", PATH_DENIED),
        Arguments.of("fs.move", "{'source':'.env','destination':'public.txt'}", PATH_DENIED),
        Arguments.of(
            "fs.move", "{'source':'hello.txt','destination':'sub/inner.txt'}", ALREADY_EXISTS),
        Arguments.of(
            "fs.move", "{'source':'{ro}/notes.txt','destination':'stolen.txt'}", READ_ONLY_ROOT),
        // fs.list, fs.find, fs.stat
        Arguments.of("fs.list", "{'path':'link-out-dir'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.list", "{'path':'..'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.list", "{'path':'{outside}','recursive':true}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.find", "{'path':'link-out-dir','pattern':'*'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.find", "{'path':'link-root-evil','pattern':'**'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.stat", "{'path':'link-out-file'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.stat", "{'path':'dangling-out'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.stat", "{'path':'link-oracle'}", PATH_OUTSIDE_ROOT),
        Arguments.of("fs.stat", "{'path':'{outside}/missing.txt'}", PATH_OUTSIDE_ROOT));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
  @MethodSource("hostileCalls")
  @Timeout(30)
  void hostileCallIsRefusedByValidatorAndToolAlike(String tool, String template, String code)
      throws IOException {
    String json = box.expand(template.replace('\'', '"'));

    Result viaLoop = harness.call(tool, json);
    Result direct = harness.execute(tool, json);

    for (Result result : new Result[] {viaLoop, direct}) {
      assertThat(FsHarness.code(result)).as(result.toString()).isEqualTo(code);
      box.assertDiscloses((Result.Failure) result, json);
    }
    box.assertOutsideUntouched();
    assertThat(Files.readString(box.root.resolve("hello.txt"))).isEqualTo("hello\n");
    try (Stream<Path> all = Files.walk(box.root)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".xct-"));
    }
  }
}
