package dev.xct.core.validate;

import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision.Proposal;
import java.util.Objects;

/**
 * Judges one proposal before anything runs: allow it, deny it (the model is told why), or stop the
 * run. Validators are run in order by the loop, which stops at the first verdict that is not an
 * allow.
 *
 * <p>A validator must be a pure function of the proposal and the context: it never rewrites the
 * proposal, never retries, and never has side effects (approvers, which ask a person, are the one
 * documented exception). If it throws, the loop denies the step with {@code VALIDATOR_ERROR}: XCT
 * fails closed. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Validator {

  /** Returns the verdict on {@code proposal}. */
  Verdict check(Proposal proposal, ValidationContext context);

  /** Returns the name recorded with each verdict; defaults to the simple class name. */
  default String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() || simple.contains("$$Lambda") ? "validator" : simple;
  }

  /**
   * Returns {@code validator} under the given name (useful for lambdas).
   *
   * @throws XctException if the name is blank
   */
  static Validator named(String name, Validator validator) {
    Objects.requireNonNull(validator, "validator");
    if (name == null || name.isBlank()) {
      throw new XctException("validator name must not be blank");
    }
    return new Validator() {
      @Override
      public Verdict check(Proposal proposal, ValidationContext context) {
        return validator.check(proposal, context);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
