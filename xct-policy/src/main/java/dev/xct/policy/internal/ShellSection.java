package dev.xct.policy.internal;

import dev.xct.policy.ShellSettings;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ShellTools;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads a policy file's {@code shell} section, reporting as located problems everything {@code
 * ShellTools} would refuse when {@code xct run} or {@code xct replay} build the tools (so that
 * {@code xct policy check} calls valid what they can load), and as warnings what weakens the OS
 * sandbox. What depends on the machine (a program missing from the PATH, bubblewrap that cannot
 * start) is left to the build. Stateless.
 */
final class ShellSection {
  private static final String HOME = "~/";

  private ShellSection() {}

  /** Returns the section's settings; problems and warnings go to {@code reader}. */
  static ShellSettings read(JsonNode node, PolicyReader reader) {
    ShellSettings.Builder settings = ShellSettings.builder().programs(programs(node, reader));
    boolean unconfined = "unconfined".equals(node.path("sandbox").asString("bubblewrap"));
    boolean network = node.path("network").asBoolean(false);
    List<Path> readOnly = readOnlyPaths(node.path("read_only_paths"), reader);
    if (unconfined) {
      settings.unconfined();
      reader.warn(
          "/shell/sandbox",
          "commands run without the OS sandbox: a program the checks misjudge runs code of the"
              + " model's choosing as your user, with your files and network; for trusted models"
              + " only");
      if (network) {
        reader.add(
            "/shell/network",
            "an unconfined sandbox never restricts the network; network: true needs sandbox:"
                + " bubblewrap");
      }
      if (!readOnly.isEmpty()) {
        reader.add(
            "/shell/read_only_paths",
            "read-only paths are mounts of the bubblewrap sandbox; unconfined commands see the"
                + " whole file system");
      }
    } else {
      if (network) {
        reader.warn(
            "/shell/network",
            "sandboxed commands share the host's network: a program can reach any server this"
                + " machine can, and send what it reads there");
      }
      settings.network(network).readOnlyPaths(readOnly);
    }
    Optional<Duration> timeout = reader.optionalDuration(node.path("timeout"), "/shell/timeout");
    Optional<Duration> max =
        reader.optionalDuration(node.path("max_timeout"), "/shell/max_timeout");
    // A timeout that is not a duration is already a problem; comparing the other one with a
    // default in its place would report a second, false one.
    if (timeout.isPresent() == node.has("timeout") && max.isPresent() == node.has("max_timeout")) {
      checkTimeouts(timeout, max, reader);
    }
    timeout.ifPresent(settings::timeout);
    max.ifPresent(settings::maxTimeout);
    if (node.has("max_output_bytes")) {
      settings.maxOutputBytes(node.get("max_output_bytes").asInt());
    }
    return settings.build();
  }

  private static List<Program> programs(JsonNode node, PolicyReader reader) {
    List<Program> programs = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    JsonNode listed = node.path("programs");
    for (int i = 0; i < listed.size(); i++) {
      String at = "/shell/programs/" + i;
      Optional<Program> program = ShellPrograms.read(listed.get(i), at, reader::add);
      if (program.isEmpty()) {
        continue;
      }
      Integer earlier = names.putIfAbsent(program.get().name(), i);
      if (earlier != null) {
        reader.add(
            at,
            "program '" + program.get().name() + "' is listed twice, as programs[" + earlier + "]");
        continue;
      }
      if (program.get().unvettedOptionsAtOwnRisk()) {
        reader.warn(
            at + "/unvetted_options_at_own_risk",
            "options of '"
                + program.get().name()
                + "' that nobody listed reach the program unchecked; only the sandbox contains"
                + " what they do");
      }
      programs.add(program.get());
    }
    return programs;
  }

  /** Mirrors the tool's rule: the default timeout may not exceed the maximum. */
  private static void checkTimeouts(
      Optional<Duration> timeout, Optional<Duration> max, PolicyReader reader) {
    Duration limit = max.orElse(ShellTools.DEFAULT_MAX_TIMEOUT);
    String limitName =
        max.isPresent()
            ? "max_timeout " + Durations.format(limit)
            : "the default max_timeout " + Durations.format(limit);
    if (timeout.isPresent() && timeout.get().compareTo(limit) > 0) {
      reader.add(
          "/shell/timeout",
          "timeout "
              + Durations.format(timeout.get())
              + " exceeds "
              + limitName
              + ": raise shell.max_timeout or lower the timeout");
    } else if (timeout.isEmpty() && ShellTools.DEFAULT_TIMEOUT.compareTo(limit) > 0) {
      reader.add(
          "/shell/max_timeout",
          "max_timeout "
              + Durations.format(limit)
              + " is below the default timeout "
              + Durations.format(ShellTools.DEFAULT_TIMEOUT)
              + ": set shell.timeout too, at most the maximum");
    }
  }

  /** Returns the paths, {@code ~/} resolved against the home of the user running xct. */
  private static List<Path> readOnlyPaths(JsonNode paths, PolicyReader reader) {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String text = paths.get(i).asString();
      Path path;
      try {
        path =
            text.startsWith(HOME)
                ? Path.of(System.getProperty("user.home")).resolve(text.substring(HOME.length()))
                : Path.of(text);
      } catch (InvalidPathException e) {
        reader.add("/shell/read_only_paths/" + i, "'" + text + "' is not a path: " + e.getReason());
        continue;
      }
      if (!path.isAbsolute()) {
        reader.add(
            "/shell/read_only_paths/" + i,
            "'" + text + "' must be absolute or start with ~/ (your home directory)");
        continue;
      }
      out.add(path.normalize());
    }
    return out;
  }
}
