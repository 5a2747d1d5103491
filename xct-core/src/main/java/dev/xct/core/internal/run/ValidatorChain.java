package dev.xct.core.internal.run;

import dev.xct.core.VerdictRecord;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs validators in order and stops at the first verdict that is not an allow. Fails closed: a
 * validator that throws or returns null denies the step with {@code VALIDATOR_ERROR}, and an
 * approval bound to a different action denies it with {@code APPROVAL_MISMATCH}. Made once per
 * loop: each validator's name is read once, when the loop is built. Immutable and thread-safe.
 */
public final class ValidatorChain {
  /** Name recorded for the loop's own approval-binding check. */
  static final String BINDING_CHECK = "approval-binding";

  private static final Logger LOG = LoggerFactory.getLogger(ValidatorChain.class);

  private final List<Validator> validators;
  private final List<String> names;

  /** Each validator's allow record, made once: a step that passes allocates no records. */
  private final List<VerdictRecord> allowed;

  /** Makes the chain of {@code validators}, in that order. */
  public ValidatorChain(List<Validator> validators) {
    this.validators = List.copyOf(validators);
    List<String> resolved = new ArrayList<>(validators.size());
    List<VerdictRecord> allows = new ArrayList<>(validators.size());
    for (Validator validator : validators) {
      resolved.add(validator.name());
      allows.add(new VerdictRecord(validator.name(), Verdict.allow()));
    }
    this.names = List.copyOf(resolved);
    this.allowed = List.copyOf(allows);
  }

  /** Returns the validators' names, in the order they run. */
  public List<String> names() {
    return names;
  }

  /**
   * Judges {@code proposal}; reports each verdict to {@code sink} as it is reached. Returns the
   * verdicts as an immutable list: when every validator allows, the same list every time.
   */
  List<VerdictRecord> check(
      Proposal proposal, ValidationContext context, Consumer<VerdictRecord> sink) {
    // Only a verdict other than a plain allow needs a list of this step's own.
    List<VerdictRecord> records = null;
    ActionDigest action = null;
    for (int i = 0; i < validators.size(); i++) {
      Verdict verdict = judge(validators.get(i), names.get(i), proposal, context);
      if (verdict instanceof Verdict.Allow) {
        if (records != null) {
          records.add(allowed.get(i));
        }
        sink.accept(allowed.get(i));
        continue;
      }
      if (records == null) {
        records = new ArrayList<>(validators.size() + 1);
        records.addAll(allowed.subList(0, i));
      }
      if (verdict instanceof Verdict.Approved approved) {
        if (action == null) {
          action = ActionDigest.of(proposal.tool(), proposal.arguments());
        }
        if (!approved.action().equals(action)) {
          add(records, sink, names.get(i), verdict);
          add(
              records,
              sink,
              BINDING_CHECK,
              Verdict.deny(
                  ErrorCodes.APPROVAL_MISMATCH,
                  "the approval given does not match this exact action; nothing was run"));
          return List.copyOf(records);
        }
      }
      add(records, sink, names.get(i), verdict);
      if (!verdict.allows()) {
        return List.copyOf(records);
      }
    }
    // Immutable once here, so the events and the step that carry it need no copies of their own.
    return records == null ? allowed : List.copyOf(records);
  }

  private static Verdict judge(
      Validator validator, String name, Proposal proposal, ValidationContext context) {
    try {
      Verdict verdict = validator.check(proposal, context);
      if (verdict == null) {
        LOG.error("validator '{}' returned null; denying the step", name);
        return failedClosed(name);
      }
      return verdict;
    } catch (Throwable e) { // NOPMD: a validator's failure short of a JVM error denies the step
      // A stack overflow is the validator's own (deep hostile arguments), not the JVM's: deny.
      if (!(e instanceof StackOverflowError)) {
        Fatal.rethrowIfFatal(e);
      }
      LOG.error("validator '{}' threw; denying the step", name, e);
      return failedClosed(name);
    }
  }

  private static Verdict failedClosed(String name) {
    return Verdict.deny(
        ErrorCodes.VALIDATOR_ERROR,
        "the proposal could not be validated (validator '" + name + "' failed); it was not run",
        java.util.Map.of("validator", name));
  }

  private static void add(
      List<VerdictRecord> records, Consumer<VerdictRecord> sink, String name, Verdict verdict) {
    VerdictRecord record = new VerdictRecord(name, verdict);
    records.add(record);
    sink.accept(record);
  }
}
