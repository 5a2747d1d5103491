package dev.xct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.policy.PolicyFile;
import dev.xct.policy.PolicyTools;
import dev.xct.policy.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy in {@code policies/} builds the toolkit {@code run} and {@code replay} build from
 * it, sandbox included, on any machine with bubblewrap: an absolute root this machine lacks (such
 * as {@code /var/log}) is replaced by an empty directory, and a program it lacks (such as {@code
 * mvn}) by a stub on a PATH after the shell tool's own, so that the rest (rules, vetting, timeouts,
 * the sandbox) is checked for real. {@code ShippedPoliciesIT} runs the files unchanged through the
 * jar.
 */
class ShippedPoliciesTest {
  private static final List<Path> DEFAULT_PATH = List.of(Path.of("/usr/bin"), Path.of("/bin"));

  @TempDir Path dir;

  static Stream<Path> shippedPolicies() throws IOException {
    Path examples = Path.of(System.getProperty("xct.examples", "../policies"));
    try (Stream<Path> files = Files.list(examples)) {
      return files
          .filter(f -> f.toString().matches(".*\\.(ya?ml|json)"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedPolicies")
  void everyShippedPolicyBuildsTheToolkitRunAndReplayBuild(Path file) throws IOException {
    PolicyFile policy = withMissingRootsReplaced(PolicyFile.load(file));
    Path workspace = Files.createDirectory(dir.resolve("workspace"));
    List<Path> path = new ArrayList<>(DEFAULT_PATH);
    path.add(stubsForMissingPrograms(policy));

    PolicyTools tools = PolicyTools.of(policy, workspace, path);

    List<String> names = tools.toolkit().tools().stream().map(tool -> tool.spec().name()).toList();
    assertThat(names)
        .as("every tool the policy names is built")
        .containsAll(policy.tools().stream().filter(glob -> !glob.contains("*")).toList());
    assertThat(policy.shell()).isPresent();
    assertThat(names).contains("shell.exec");
    assertThat(policy.shell().get().sandboxed()).as("shipped policies keep the sandbox").isTrue();
  }

  /** Returns {@code policy} with each absolute root this machine lacks replaced by a new one. */
  private PolicyFile withMissingRootsReplaced(PolicyFile policy) throws IOException {
    List<Root> roots = new ArrayList<>();
    for (Root root : policy.roots()) {
      Path path = Path.of(root.path());
      if (path.isAbsolute() && !Files.isDirectory(path)) {
        Path standIn = Files.createDirectories(dir.resolve("roots").resolve(path.getFileName()));
        roots.add(new Root(standIn.toString(), root.access()));
      } else {
        roots.add(root);
      }
    }
    return policy.toBuilder().roots(roots).build();
  }

  /** Returns a directory, outside every root, with a stub for each program not on the PATH. */
  private Path stubsForMissingPrograms(PolicyFile policy) throws IOException {
    Path stubs = Files.createDirectory(dir.resolve("stubs"));
    for (var program : policy.shell().map(s -> s.programs()).orElse(List.of())) {
      if (DEFAULT_PATH.stream().noneMatch(d -> Files.isExecutable(d.resolve(program.name())))) {
        Path stub = Files.writeString(stubs.resolve(program.name()), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    return stubs;
  }
}
