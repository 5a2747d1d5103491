package dev.xct.policy;

import dev.xct.policy.internal.PolicyReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a valid policy file together with the warnings {@code xct policy check} prints about it:
 * settings that are allowed but weaken a boundary (an unconfined sandbox, the host's network,
 * programs whose unlisted options are let through). A warning never makes a file invalid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param policy the policy file
 * @param warnings the warnings, located like problems, in the order of the file
 */
public record CheckedPolicy(PolicyFile policy, List<PolicyProblem> warnings) {
  private static final Logger LOG = LoggerFactory.getLogger(CheckedPolicy.class);

  /**
   * @throws NullPointerException if a component is null
   */
  public CheckedPolicy {
    Objects.requireNonNull(policy, "policy");
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads and checks the policy file at {@code file}: JSON when its name ends in {@code .json},
   * YAML otherwise.
   *
   * @throws PolicyFileException listing every problem, each with its line and column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CheckedPolicy load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy file " + file, e);
    }
    String name = file.toString();
    CheckedPolicy checked = parse(text, name, name.toLowerCase(Locale.ROOT).endsWith(".json"));
    LOG.debug(
        "loaded policy file {}: {} rules, {} warnings",
        name,
        checked.policy().policy().rules().size(),
        checked.warnings().size());
    return checked;
  }

  /**
   * Reads and checks policy text; {@code name} is used in the problems' messages.
   *
   * @throws PolicyFileException listing every problem, each with its line and column
   */
  public static CheckedPolicy parse(String text, String name, boolean json) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    return PolicyReader.read(text, name, json);
  }
}
