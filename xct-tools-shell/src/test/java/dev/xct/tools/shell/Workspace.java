package dev.xct.tools.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Lays out a test workspace: {@code root/} (the confinement root), {@code outside/} next to it, and
 * {@code bin/} with small fixture scripts that the tests put on the fixed PATH.
 */
final class Workspace {
  final Path base;
  final Path root;
  final Path outside;
  final Path bin;

  Workspace(Path base) {
    try {
      this.base = base.toRealPath();
      this.root = Files.createDirectories(this.base.resolve("root"));
      this.outside = Files.createDirectories(this.base.resolve("outside"));
      this.bin = Files.createDirectories(this.base.resolve("bin"));
      Files.writeString(outside.resolve("secret.txt"), "secret\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an executable {@code #!/bin/sh} script into {@code bin/}. */
  Workspace script(String name, String body) {
    return script(name, "/bin/sh", body);
  }

  /** Writes an executable script for {@code interpreter} into {@code bin/}. */
  Workspace script(String name, String interpreter, String body) {
    write(bin.resolve(name), "#!" + interpreter + "\n" + body + "\n");
    try {
      Files.setPosixFilePermissions(
          bin.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Deletes {@code file} if it exists; a leftover file is harmless, so failures are logged. */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.getLogger(Workspace.class.getName())
          .log(System.Logger.Level.WARNING, "could not delete " + file, e);
    }
  }

  /** Writes a text file under the root. */
  Path file(String relative, String content) {
    Path path = root.resolve(relative);
    write(path, content);
    return path;
  }

  /** Returns a builder with the root, {@code bin/} then {@code /usr/bin:/bin} as PATH. */
  ShellTools.Builder builder() {
    return ShellTools.builder().root(root).searchPath(bin, Path.of("/usr/bin"), Path.of("/bin"));
  }

  /** Returns a builder like {@link #builder()} whose commands run without the OS sandbox. */
  ShellTools.Builder unconfined() {
    return builder().sandbox(Sandbox.unconfined());
  }

  /** Returns a shell allowing every preset plus {@code extra}, in the sandbox. */
  Shell shell(Program... extra) {
    return new Shell(builder().allow(Presets.all()).allow(extra).build());
  }

  /** Returns a shell allowing every preset plus {@code extra}, without the sandbox. */
  Shell unconfinedShell(Program... extra) {
    return new Shell(unconfined().allow(Presets.all()).allow(extra).build());
  }

  /** Runs real git in the root, for test setup; fails the test if git fails. */
  Workspace git(String... arguments) {
    git(root, arguments);
    return this;
  }

  /** Runs real git in {@code directory}, for test setup; fails the test if git fails. */
  static void git(Path directory, String... arguments) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("GIT_DIR");
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as("git %s: %s", command, output).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A rule for a program without options that may write, whose operands are paths. */
  static Program plainPaths(String name) {
    return Program.builder(name).noOptions().build();
  }

  /** A rule for a fixture script or a program without options whose operands are not paths. */
  static Program plain(String name) {
    return Program.builder(name).operandsAreNotPaths().noOptions().build();
  }

  private static void write(Path path, String content) {
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that the validator and the tool both refuse {@code arguments} with {@code code}. */
  static Result.Failure assertRefused(Shell shell, Map<String, Object> arguments, String code) {
    Verdict verdict = shell.validate(arguments);
    assertThat(verdict).isInstanceOf(Verdict.Deny.class);
    assertThat(((Verdict.Deny) verdict).code()).isEqualTo(code);
    Result result = shell.execute(arguments);
    assertThat(result).isInstanceOf(Result.Failure.class);
    Result.Failure failure = (Result.Failure) result;
    assertThat(failure.code()).isEqualTo(code);
    assertThat(failure.message()).isEqualTo(((Verdict.Deny) verdict).reason());
    return failure;
  }

  /** Returns whether process {@code pid} is running (present and not a zombie). */
  static boolean isRunning(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat, StandardCharsets.ISO_8859_1);
      char state = text.charAt(text.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the running processes whose command line is {@code sleep <token>}. */
  static List<Long> sleepers(String token) {
    byte[] suffix = ("sleep\0" + token + "\0").getBytes(StandardCharsets.UTF_8);
    return ProcessHandle.allProcesses()
        .map(ProcessHandle::pid)
        .filter(pid -> endsWith(cmdline(pid), suffix) && isRunning(pid))
        .toList();
  }

  private static byte[] cmdline(long pid) {
    try {
      return Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static boolean endsWith(byte[] bytes, byte[] suffix) {
    if (bytes.length < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes; returns the last answer. */
  static boolean eventually(BooleanSupplier condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    return condition.getAsBoolean();
  }
}
