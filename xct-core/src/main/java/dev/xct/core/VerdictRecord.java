package dev.xct.core;

import dev.xct.core.validate.Verdict;
import java.util.Objects;

/**
 * Records one validator's verdict on one proposal, under the validator's name.
 *
 * @param validator the validator's {@link dev.xct.core.validate.Validator#name()}
 * @param verdict what it decided
 */
public record VerdictRecord(String validator, Verdict verdict) {
  /**
   * @throws NullPointerException if a component is null
   */
  public VerdictRecord {
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(verdict, "verdict");
  }
}
