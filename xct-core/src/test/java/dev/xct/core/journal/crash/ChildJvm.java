package dev.xct.core.journal.crash;

import dev.xct.core.loop.ExecutionLoop;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds the command line of a child JVM that runs {@link CrashChild} with this test's classpath.
 * JVM start-up dominates the crash test, so the classes are put in jars and a class-data-sharing
 * archive is dumped once and used by every child (falling back to none if dumping fails).
 */
final class ChildJvm {
  private final List<String> prefix = new ArrayList<>();

  ChildJvm(Path scratch) throws IOException, InterruptedException {
    List<String> classPath = new ArrayList<>();
    for (String entry : classPathEntries()) {
      Path path = Path.of(entry);
      classPath.add(Files.isDirectory(path) ? jar(path, scratch).toString() : entry);
    }
    prefix.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    prefix.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m"));
    List<String> tail = List.of("-cp", String.join(File.pathSeparator, classPath));
    Path archive = scratch.resolve("crash.jsa");
    List<String> dump = new ArrayList<>(prefix);
    dump.add("-XX:ArchiveClassesAtExit=" + archive);
    dump.addAll(tail);
    dump.add(CrashChild.class.getName());
    dump.addAll(
        List.of(
            "start",
            scratch.resolve("dump-journal").toString(),
            Files.createDirectories(scratch.resolve("dump-work")).toString(),
            "NONE",
            "warm-a,warm-b"));
    Process process =
        new ProcessBuilder(dump)
            .redirectErrorStream(true)
            .redirectOutput(scratch.resolve("dump.log").toFile())
            .start();
    if (process.waitFor(120, TimeUnit.SECONDS)
        && process.exitValue() == 0
        && Files.exists(archive)) {
      prefix.add("-XX:SharedArchiveFile=" + archive);
      prefix.add("-Xlog:cds=off");
    }
    prefix.addAll(tail);
    prefix.add(CrashChild.class.getName());
  }

  /** Returns the command that runs {@link CrashChild} with {@code args}. */
  List<String> command(String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(Arrays.asList(args));
    return command;
  }

  private static Set<String> classPathEntries() {
    Set<String> parts = new LinkedHashSet<>();
    parts.add(location(CrashChild.class));
    parts.add(location(ExecutionLoop.class));
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        parts.addAll(Arrays.asList(value.split(File.pathSeparator)));
      }
    }
    return parts;
  }

  private static Path jar(Path directory, Path scratch) throws IOException {
    Path jar = Files.createTempFile(scratch, "classes-", ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(directory.relativize(path).toString().replace('\\', '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
