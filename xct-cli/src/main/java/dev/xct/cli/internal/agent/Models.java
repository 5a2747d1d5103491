package dev.xct.cli.internal.agent;

import dev.xct.core.ModelClient;
import java.util.Map;

/**
 * Creates the model client {@code xct run} talks to, from the environment. The seam between the
 * command line and the model adapters.
 */
public final class Models {
  private Models() {}

  /**
   * Thrown when the environment does not configure a usable model; the message says what to set.
   */
  public static final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
      super(message);
    }
  }

  /**
   * Returns the client configured by {@code environment}.
   *
   * @throws ConfigurationException naming what is missing or wrong
   */
  public static ModelClient fromEnvironment(Map<String, String> environment) {
    throw new ConfigurationException(
        "this build of xct has no model adapter yet (xct-model-openai); 'xct replay' runs the"
            + " same loop on recorded replies");
  }
}
