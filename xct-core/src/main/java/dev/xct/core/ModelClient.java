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
 * throws; the loop then ends the run with status {@link RunStatus#MODEL_FAILED} and never retries
 * on its own. Whatever the client throws, short of a JVM error such as {@link OutOfMemoryError}, is
 * recorded that way and never escapes {@link ExecutionLoop#run(String)}.
 *
 * <p>Unless the loop runs tools inline, the call runs on one of the loop's worker threads, and the
 * loop stops waiting for it when the run is cancelled (the run ends {@link RunStatus#CANCELLED}) or
 * its time budget runs out ({@link RunStatus#LIMIT_REACHED}); a reply that arrives later is
 * dropped. A client should then stop too: watch {@link ModelRequest#cancellation()} (it is also
 * cancelled at the deadline, and the worker thread is interrupted) and bound its wait by {@link
 * ModelRequest#remaining()}, abort the call and throw. With {@link
 * ExecutionLoop.Builder#inlineTools()} the call runs on the run's thread, and only a client that
 * does this can end a cancelled run before its own timeout.
 *
 * <p>Implementations must be thread-safe when the loop serves concurrent runs.
 */
@FunctionalInterface
public interface ModelClient {

  /** Returns the model's reply to {@code request}. */
  ModelReply next(ModelRequest request);
}
