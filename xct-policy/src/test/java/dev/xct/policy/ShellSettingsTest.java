package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code shell} section's sandbox, network, read-only paths and timeouts, as files say them.
 */
class ShellSettingsTest {
  private static CheckedPolicy parse(String shell) {
    return CheckedPolicy.parse(
        "version: 1\ntools: []\nrules: []\nshell:\n" + shell.stripIndent().indent(2),
        "p.yaml",
        false);
  }

  private static PolicyFileException problems(String shell) {
    try {
      parse(shell);
    } catch (PolicyFileException e) {
      return e;
    }
    throw new AssertionError("expected problems in\n" + shell);
  }

  @Test
  void theSandboxIsBubblewrapWithoutNetworkUnlessTheFileSaysOtherwise() {
    CheckedPolicy checked = parse("programs: [{preset: ls}]");

    ShellSettings shell = checked.policy().shell().orElseThrow();
    assertThat(shell.sandboxed()).isTrue();
    assertThat(shell.network()).isFalse();
    Sandbox sandbox = shell.sandbox();
    assertThat(sandbox.isEnabled()).isTrue();
    assertThat(sandbox.network()).isFalse();
    assertThat(checked.warnings()).isEmpty();
  }

  @Test
  void unconfinedTurnsTheSandboxOffAndIsALocatedWarning() {
    CheckedPolicy checked = parse("sandbox: unconfined\nprograms: [{preset: ls}]");

    assertThat(checked.policy().shell().orElseThrow().sandbox().isEnabled()).isFalse();
    assertThat(checked.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.format("p.yaml"))
                  .startsWith("p.yaml:5:3: shell.sandbox: commands run without the OS sandbox");
              assertThat(w.message()).contains("for trusted models only");
            });
  }

  @Test
  void networkReachesTheSandboxAndIsALocatedWarning() {
    CheckedPolicy checked = parse("network: true\nprograms: [{preset: ls}]");

    Sandbox sandbox = checked.policy().shell().orElseThrow().sandbox();
    assertThat(sandbox.isEnabled()).isTrue();
    assertThat(sandbox.network()).isTrue();
    assertThat(checked.warnings())
        .extracting(w -> w.line() + " " + w.field())
        .containsExactly("5 shell.network");
  }

  @Test
  void networkWithAnUnconfinedSandboxIsALocatedProblem() {
    PolicyFileException e =
        problems("sandbox: unconfined\nnetwork: true\nprograms: [{preset: ls}]");

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(6);
              assertThat(p.field()).isEqualTo("shell.network");
              assertThat(p.message()).contains("unconfined sandbox never restricts the network");
            });
  }

  @Test
  void readOnlyPathsAreAbsoluteOrUnderTheHomeDirectory() {
    ShellSettings shell =
        parse("read_only_paths: [/etc/maven, ~/.m2/repository]\nprograms: [{preset: ls}]")
            .policy()
            .shell()
            .orElseThrow();

    assertThat(shell.readOnlyPaths())
        .containsExactly(
            Path.of("/etc/maven"),
            Path.of(System.getProperty("user.home")).resolve(".m2/repository"));
    assertThat(shell.sandbox().readOnlyPaths()).isEqualTo(shell.readOnlyPaths());
  }

  @Test
  void aRelativeReadOnlyPathOrOneWithoutASandboxIsALocatedProblem() {
    assertThat(problems("read_only_paths: [/etc/maven, lib]").problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly("5 shell.read_only_paths[1]");
    assertThat(problems("sandbox: unconfined\nread_only_paths: [/etc/maven]").problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly("6 shell.read_only_paths");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "timeout: 5m | 5 shell.timeout | timeout 5m exceeds the default max_timeout 2m",
        "'timeout: 20m\nmax_timeout: 10m' | 5 shell.timeout | timeout 20m exceeds max_timeout 10m",
        "max_timeout: 10s | 5 shell.max_timeout | below the default timeout 30s"
      })
  void aTimeoutOverTheMaximumIsALocatedProblem(String yaml, String where, String message) {
    PolicyFileException e = problems(yaml.replace("\\n", "\n") + "\nprograms: [{preset: ls}]");

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line() + " " + p.field()).isEqualTo(where);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void aTimeoutWithinItsMaximumLoads() {
    ShellSettings shell =
        parse("timeout: 5m\nmax_timeout: 10m\nprograms: [{preset: ls}]")
            .policy()
            .shell()
            .orElseThrow();

    assertThat(shell.timeout()).contains(Duration.ofMinutes(5));
    assertThat(shell.maxTimeout()).contains(Duration.ofMinutes(10));
  }

  @Test
  void theBuilderRefusesSandboxSettingsWithoutASandbox() {
    assertThatThrownBy(() -> ShellSettings.builder().unconfined().network(true).build())
        .hasMessageContaining("settings of the sandbox");
  }

  @Test
  void theBuilderReplacesListsAndToBuilderKeepsEveryValue() {
    ShellSettings unconfined =
        ShellSettings.builder()
            .programs(List.of(Presets.git()))
            .programs(List.of(Presets.ls()))
            .unconfined()
            .timeout(Duration.ofSeconds(5))
            .maxTimeout(Duration.ofSeconds(50))
            .maxOutputBytes(100)
            .build();

    assertThat(unconfined.programs()).containsExactly(Presets.ls());
    assertThat(unconfined.toBuilder().build()).isEqualTo(unconfined).hasSameHashCodeAs(unconfined);
    assertThat(unconfined.toBuilder().build().sandboxed()).isFalse();
  }
}
