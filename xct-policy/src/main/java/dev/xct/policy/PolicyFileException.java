package dev.xct.policy;

import dev.xct.core.XctException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reports that a policy file cannot be used, with every problem found and where it is. The message
 * lists them one per line, prefixed with the file name, so that it can be printed as it is.
 *
 * <p>Immutable, and thread-safe.
 */
public final class PolicyFileException extends XctException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final transient List<PolicyProblem> problems;

  /** Creates the exception for {@code problems} (at least one) found in {@code file}. */
  public PolicyFileException(String file, List<PolicyProblem> problems) {
    this(file, problems, null);
  }

  /**
   * Creates the exception for {@code problems} (at least one) found in {@code file}, caused by
   * {@code cause}: the refusal of the tools the file describes, such as a {@link
   * MissingRootException}.
   */
  public PolicyFileException(String file, List<PolicyProblem> problems, Throwable cause) {
    super(describe(file, problems), cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a policy file exception needs a problem");
    }
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** Returns the file's name as given. */
  public String file() {
    return file;
  }

  /** Returns every problem, in the order of the file. */
  public List<PolicyProblem> problems() {
    return problems;
  }

  private static String describe(String file, List<PolicyProblem> problems) {
    return problems.stream().map(p -> p.format(file)).collect(Collectors.joining("\n"));
  }
}
