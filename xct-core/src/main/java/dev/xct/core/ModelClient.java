package dev.xct.core;

/**
 * Asks the user's LLM for the next decision. This is the one interface between XCT and a model:
 * wrap the client you already have (an HTTP client, LangChain4j, Spring AI) behind it.
 *
 * <p>The model is stateless: every request carries the full context the system keeps (the rendered
 * {@link ModelRequest#messages()} and the structured parts they came from). The client returns the
 * model's raw text; XCT parses and validates it, so the client must not.
 *
 * <p>A client that cannot get an answer (network failure, authentication error, server error)
 * throws any {@link RuntimeException}; the loop then ends the run with status {@link
 * RunStatus#MODEL_FAILED} and never retries on its own. Implementations must be thread-safe when
 * the loop serves concurrent runs.
 */
@FunctionalInterface
public interface ModelClient {

  /** Returns the model's reply to {@code request}. */
  ModelReply next(ModelRequest request);
}
