package dev.xct.core.validate;

import dev.xct.core.internal.validate.ArgumentSchemaValidator;
import dev.xct.core.internal.validate.KnownToolValidator;

/**
 * Creates the built-in validators. They are ordinary {@link Validator}s: the loop runs them in the
 * same chain as the user's own, in the order given.
 *
 * <p>Every returned validator is immutable and thread-safe.
 */
public final class Validators {
  private Validators() {}

  /** Denies proposals naming an unregistered tool with {@code UNKNOWN_TOOL}. */
  public static Validator knownTool() {
    return KnownToolValidator.INSTANCE;
  }

  /**
   * Denies proposals whose arguments fail the tool's input schema with {@code INVALID_ARGUMENTS};
   * every violation is listed in the details with its JSON pointer.
   */
  public static Validator argumentSchema() {
    return ArgumentSchemaValidator.INSTANCE;
  }
}
