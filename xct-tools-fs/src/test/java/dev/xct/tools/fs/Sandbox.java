package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a realistic hostile file tree under a temp directory: a read-write root full of traps, a
 * sibling whose name extends the root's ({@code root_evil}), an outside directory with a secret,
 * and a read-only root. Snapshots everything outside the read-write root so that tests can prove
 * nothing there was created, changed or deleted, and checks failures for disclosure.
 */
final class Sandbox {
  static final String SECRET = "TOP-SECRET-7f3a9c";

  final Path base;
  final Path root;
  final Path evil;
  final Path outside;
  final Path readOnly;
  private final Map<String, String> before;

  Sandbox(Path temp) {
    try {
      base = temp.toRealPath();
      root = Files.createDirectory(base.resolve("root"));
      evil = Files.createDirectory(base.resolve("root_evil"));
      outside = Files.createDirectory(base.resolve("outside"));
      readOnly = Files.createDirectory(base.resolve("ro"));
      write(outside.resolve("secret.txt"), SECRET);
      write(outside.resolve("hard-secret.txt"), SECRET + "-hard");
      write(evil.resolve("secret.txt"), SECRET + "-evil");
      write(readOnly.resolve("notes.txt"), "read-only notes\n");
      Files.createDirectories(outside.resolve("deep/dir"));
      write(outside.resolve("deep/secret.txt"), SECRET + "-deep");
      mkfifo(outside.resolve("fifo"));
      populateRoot();
      before = snapshot();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void populateRoot() throws IOException {
    write(root.resolve("hello.txt"), "hello\n");
    Files.createDirectories(root.resolve("sub"));
    write(root.resolve("sub/inner.txt"), "inner\n");
    write(root.resolve(".env"), "API_KEY=in-root\n");
    Files.createDirectories(root.resolve(".git"));
    write(root.resolve(".git/config"), "[core]\n");
    link("link-out-file", outside.resolve("secret.txt"));
    link("link-out-dir", outside);
    link("chain1", Path.of("chain2"));
    link("chain2", outside.resolve("secret.txt"));
    link("dangling-out", outside.resolve("missing.txt"));
    link("rel-out", Path.of("../outside/secret.txt"));
    link("link-in", Path.of("sub/inner.txt"));
    link("link-sub", Path.of("sub"));
    link("link-in-abs", root.resolve("sub"));
    link("via-parent", Path.of("../root/sub/inner.txt"));
    link("loop1", Path.of("loop2"));
    link("loop2", Path.of("loop1"));
    link("to-env", Path.of(".env"));
    link("to-git", Path.of(".git"));
    link("link-out-fifo", outside.resolve("fifo"));
    link("link-proc", Path.of("/proc/self/environ"));
    link("link-dev", Path.of("/dev/zero"));
    link("link-oracle", outside.resolve("secret.txt/x"));
    link("link-root-evil", Path.of("../root_evil"));
    link("link-deep", outside.resolve("deep/dir"));
    mkfifo(root.resolve("fifo"));
    link("link-fifo", Path.of("fifo"));
    Files.createLink(root.resolve("hard"), outside.resolve("hard-secret.txt"));
    write(root.resolve(".env.local"), "API_KEY=hard-linked\n");
    Files.createLink(root.resolve("hard-env"), root.resolve(".env.local"));
    link("link-hard", Path.of("hard"));
  }

  /** Replaces {@code {root}}, {@code {outside}}, {@code {base}} and {@code {ro}} in a path. */
  String expand(String path) {
    return path.replace("{root}", root.toString())
        .replace("{outside}", outside.toString())
        .replace("{base}", base.toString())
        .replace("{ro}", readOnly.toString());
  }

  PathConfinement confinement() {
    return PathConfinement.builder()
        .root(root, RootAccess.READ_WRITE)
        .root(readOnly, RootAccess.READ_ONLY)
        .build();
  }

  /** Asserts that nothing outside the read-write root was created, changed or deleted. */
  void assertOutsideUntouched() {
    assertThat(snapshot()).isEqualTo(before);
  }

  /**
   * Asserts that a failure discloses nothing from outside: no secret content, and no outside path
   * that the model did not write itself.
   */
  void assertDiscloses(Result.Failure failure, String input) {
    String text = failure.code() + failure.message() + failure.details().toJson();
    assertThat(text).doesNotContain(SECRET).doesNotContain("API_KEY");
    if (!input.contains(outside.toString()) && !input.contains(base.toString())) {
      assertThat(text).doesNotContain(outside.toString()).doesNotContain(evil.toString());
    }
    if (!input.contains("proc") && !input.contains("/dev")) {
      assertThat(text).doesNotContain("/proc").doesNotContain("/dev/");
    }
  }

  /** Returns path → type, size, mtime and content hash for everything outside the root. */
  Map<String, String> snapshot() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(base)) {
      walk.filter(p -> !p.startsWith(root))
          .forEach(
              p -> {
                try {
                  BasicFileAttributes a =
                      Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                  String content =
                      a.isRegularFile()
                          ? sha(Files.readAllBytes(p))
                          : a.isDirectory() ? "dir" : "?";
                  out.put(
                      base.relativize(p).toString(),
                      a.size() + "|" + a.lastModifiedTime() + "|" + content);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  void link(String name, Path target) throws IOException {
    Files.createSymbolicLink(root.resolve(name), target);
  }

  static void write(Path path, String content) throws IOException {
    Files.writeString(path, content, StandardCharsets.UTF_8);
  }

  static void mkfifo(Path path) throws IOException {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IOException("mkfifo failed for " + path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
