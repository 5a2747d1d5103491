package dev.xct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real {@code ./xct} launcher from the repository root in a copy of the repository's
 * layout, with stand-ins for {@code mvn} (which records that it ran and writes the jar) and {@code
 * java} (which records its arguments), so that what the script decides is observed without a build.
 * File times are set explicitly, never waited for.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("..", "xct");
  private static final Instant BUILT =
      Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path repo;
  private Path jar;
  private Path log;

  @BeforeEach
  void layOutARepositoryWithABuiltJar() throws IOException {
    Files.copy(SCRIPT, repo.resolve("xct"));
    executable(repo.resolve("xct"));
    log = repo.resolve("calls.log");
    Path bin = Files.createDirectory(repo.resolve("stub-bin"));
    executable(
        Files.writeString(
            bin.resolve("mvn"),
            "#!/bin/sh\necho \"mvn $*\" >> '"
                + log
                + "'\nmkdir -p xct-cli/target && echo jar > xct-cli/target/xct.jar\n"));
    executable(
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"java $*\" >> '" + log + "'\n"));
    source("pom.xml");
    source("xct-core/pom.xml");
    source("xct-core/src/main/java/dev/xct/core/Loop.java");
    source("xct-core/src/main/resources/messages.properties");
    source("xct-core/src/test/java/dev/xct/core/LoopTest.java");
    source("docs/cli.md");
    jar = source("xct-cli/target/xct.jar");
    source("xct-cli/target/classes/dev/xct/cli/Main.class");
  }

  @Test
  void aJarNewerThanEverySourceRunsWithoutABuild() throws IOException {
    String calls = launch(Map.of(), "demo", "--json");

    assertThat(calls).isEqualTo("java -jar " + ranJar() + " demo --json\n");
  }

  @Test
  void aMissingJarIsBuiltFirst() throws IOException {
    Files.delete(jar);

    assertThat(launch(Map.of(), "--help")).startsWith("mvn -B -q -pl xct-cli -am package");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xct-core/src/main/java/dev/xct/core/Loop.java",
        "xct-core/src/main/resources/messages.properties",
        "xct-core/pom.xml",
        "pom.xml"
      })
  void aSourceChangedAfterTheBuildRebuildsTheJarBeforeRunningIt(String source) throws IOException {
    touchAfterTheBuild(source);

    String calls = launch(Map.of(), "demo");

    assertThat(calls.lines())
        .containsExactly(
            "mvn -B -q -pl xct-cli -am package -DskipTests", "java -jar " + ranJar() + " demo");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xct-core/src/test/java/dev/xct/core/LoopTest.java",
        "docs/cli.md",
        "xct-cli/target/classes/dev/xct/cli/Main.class"
      })
  void aChangedTestDocOrBuildOutputDoesNotRebuildTheJar(String file) throws IOException {
    touchAfterTheBuild(file);

    assertThat(launch(Map.of(), "demo")).startsWith("java ");
  }

  @Test
  void afterARebuildTheJarCountsAsFreshAgain() throws IOException {
    touchAfterTheBuild("xct-core/src/main/java/dev/xct/core/Loop.java");
    launch(Map.of(), "demo");
    Files.delete(log);

    assertThat(launch(Map.of(), "demo")).startsWith("java ");
  }

  @Test
  void xctRebuildForcesABuild() throws IOException {
    assertThat(launch(Map.of("XCT_REBUILD", "1"), "demo")).startsWith("mvn ");
  }

  /** Returns the jar as the script names it: its directory as {@code pwd} spells it. */
  private String ranJar() throws IOException {
    String calls = Files.readString(log, StandardCharsets.UTF_8);
    String ran = calls.substring(calls.indexOf("java -jar ") + "java -jar ".length()).split(" ")[0];
    assertThat(Path.of(ran).toRealPath()).isEqualTo(jar.toRealPath());
    return ran;
  }

  /** Runs the launcher and returns what the stand-ins recorded, one line per call. */
  private String launch(Map<String, String> env, String... args) throws IOException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("sh", "xct"));
    command.addAll(java.util.List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(repo.resolve("launcher.out").toFile());
    builder.environment().remove("XCT_REBUILD");
    builder.environment().put("PATH", repo.resolve("stub-bin") + ":/usr/bin:/bin");
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
      assertThat(process.exitValue())
          .as(Files.readString(repo.resolve("launcher.out"), StandardCharsets.UTF_8))
          .isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private Path source(String relative) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, relative);
    Files.setLastModifiedTime(
        file, FileTime.from(relative.endsWith("xct.jar") ? BUILT : BUILT.minusSeconds(3600)));
    return file;
  }

  private void touchAfterTheBuild(String relative) throws IOException {
    Files.setLastModifiedTime(repo.resolve(relative), FileTime.from(BUILT.plusSeconds(60)));
  }

  private static Path executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
