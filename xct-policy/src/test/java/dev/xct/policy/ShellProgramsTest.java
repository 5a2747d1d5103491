package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.tools.shell.OptionKind;
import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Program;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Entries of {@code shell.programs}: the new fields, vetting, and presets that only narrow. */
class ShellProgramsTest {
  private static CheckedPolicy parse(String programs) {
    return CheckedPolicy.parse(
        "version: 1\ntools: []\nrules: []\nshell:\n  programs:\n"
            + programs.stripIndent().indent(4),
        "p.yaml",
        false);
  }

  private static Program program(String entry) {
    return parse(entry).policy().shell().orElseThrow().programs().get(0);
  }

  private static List<String> problems(String programs) {
    try {
      parse(programs);
    } catch (PolicyFileException e) {
      return e.problems().stream()
          .map(p -> p.line() + " " + p.field() + ": " + p.message())
          .toList();
    }
    throw new AssertionError("expected problems in\n" + programs);
  }

  @Test
  void aProgramWithoutOptionRulesIsALocatedProblem() {
    assertThat(problems("- preset: ls\n- name: mytool\n  subcommands: [test]"))
        .singleElement()
        .asString()
        .startsWith(
            "7 shell.programs[1]: program 'mytool' lists no options and XCT has no profile");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{name: mytool, no_options: true}",
        "{name: mytool, flags: [-k]}",
        "{name: mytool, unvetted_options_at_own_risk: true}",
        "{name: sed}",
        "{name: git, subcommands: [status]}"
      })
  void aRuleThatListsOptionsIsUnvettedOrHasAProfileLoads(String entry) {
    assertThat(parse("- " + entry).policy().shell().orElseThrow().programs()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "'{name: bash, no_options: true}', cannot be allowed",
    "'{name: python3, unvetted_options_at_own_risk: true}', cannot be allowed",
    "'{name: make, no_options: true}', cannot be allowed",
    "'{name: sudo, no_options: true}', another user",
    "'{name: env}', runs other programs",
    "'{name: timeout, flags: [-v]}', runs other programs"
  })
  void aProgramTheShellToolRefusesForWhatItIsIsALocatedProblem(String entry, String reason) {
    assertThat(problems("- " + entry))
        .singleElement()
        .asString()
        .startsWith("6 shell.programs[0]: program '")
        .contains(reason);
  }

  @Test
  void optionalAndNoOptionFieldsBecomeTheRulesOptionKinds() {
    Program mytool =
        program(
            "- name: mytool\n"
                + "  optional_value_options: [--jobs]\n"
                + "  optional_path_options: [--debug-file]\n"
                + "  flags: [-k]");

    assertThat(mytool.options().kind("--jobs")).contains(OptionKind.OPTIONAL_VALUE);
    assertThat(mytool.options().kind("--debug-file")).contains(OptionKind.OPTIONAL_PATH);
    assertThat(program("- {name: mytool, no_options: true}").declaresOptions()).isTrue();
    assertThat(
            program("- {name: mytool, unvetted_options_at_own_risk: true}")
                .unvettedOptionsAtOwnRisk())
        .isTrue();
  }

  @Test
  void anUnvettedProgramIsALocatedWarning() {
    CheckedPolicy checked =
        parse("- preset: ls\n- name: mytool\n  unvetted_options_at_own_risk: true");

    assertThat(checked.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.line() + " " + w.field())
                  .isEqualTo("8 shell.programs[1].unvetted_options_at_own_risk");
              assertThat(w.message()).contains("'mytool'").contains("only the sandbox");
            });
  }

  @Test
  void noOptionsWithListedOrDeniedOptionsIsALocatedProblem() {
    assertThat(
            problems(
                "- name: mytool\n  no_options: true\n  flags: [-k]\n  denied_options: {-f: x}"))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("8 shell.programs[0].flags", "9 shell.programs[0].denied_options");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sed", "sort", "tar"})
  void sedSortAndTarArePresets(String name) {
    assertThat(program("- preset: " + name))
        .isEqualTo(Presets.all().stream().filter(p -> p.name().equals(name)).findFirst().get());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{preset: git, subcommands: [log, push]} | 6 shell.programs[0].subcommands[1]: the preset 'git' has no subcommand 'push'",
        "{preset: ls, flags: [-l, --exec]} | 6 shell.programs[0].flags[1]: the preset 'ls' does not accept --exec",
        "{preset: cat, unvetted_options_at_own_risk: true} | 6 shell.programs[0].unvetted_options_at_own_risk: the preset 'cat' is vetted"
      })
  void aPresetIsNeverWidened(String entry, String problem) {
    assertThat(problems("- " + entry))
        .singleElement()
        .asString()
        .startsWith(problem)
        .endsWith(
            "a preset is only narrowed: write a rule with name: "
                + entry.substring(9, entry.indexOf(','))
                + " instead");
  }

  @Test
  void aPresetIsNarrowedByItsFields() {
    Program git = program("- {preset: git, subcommands: [log, status]}");
    Program ls = program("- {preset: ls, flags: [-l, -a]}");
    Program cat = program("- {preset: cat, no_options: true}");

    assertThat(git.subcommands()).containsExactly("log", "status");
    assertThat(git.readOnly()).isTrue();
    assertThat(git.fixedArguments()).isEqualTo(Presets.git().fixedArguments());
    assertThat(ls.options().kinds().keySet()).containsExactlyInAnyOrder("-l", "-a");
    assertThat(ls.deniedOptions()).containsAllEntriesOf(Presets.ls().deniedOptions());
    assertThat(cat.options().kinds()).isEmpty();
    assertThat(cat.declaresOptions()).isTrue();
  }
}
