package dev.xct.cli.internal.agent;

import dev.xct.core.ModelClient;
import dev.xct.core.XctException;
import dev.xct.model.openai.OpenAiModelClient;
import java.util.Map;

/**
 * Creates the model client {@code xct run} talks to, from the environment: any OpenAI-compatible
 * chat-completions endpoint through {@code xct-model-openai} ({@code XCT_MODEL}, {@code
 * XCT_MODEL_URL}, {@code XCT_API_KEY}, {@code XCT_MODEL_OUTPUT}). The seam between the command line
 * and the model adapters.
 */
public final class Models {
  private Models() {}

  /**
   * Thrown when the environment does not configure a usable model; the message says what to set.
   */
  public static final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Returns the client configured by {@code environment}.
   *
   * @throws ConfigurationException naming what is missing or wrong
   */
  public static ModelClient fromEnvironment(Map<String, String> environment) {
    try {
      return OpenAiModelClient.fromEnvironment(environment);
    } catch (XctException e) {
      throw new ConfigurationException("the model is not configured: " + e.getMessage(), e);
    }
  }
}
