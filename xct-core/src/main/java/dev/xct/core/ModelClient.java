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
 * throws; the loop then ends the run with status {@link RunStatus#MODEL_FAILED}, says why in {@link
 * RunResult#failure()}, and never retries on its own. An exception that implements {@link
 * EndpointFailure} adds the endpoint's HTTP status and {@code Retry-After} there. Whatever the
 * client throws, short of a JVM error such as {@link OutOfMemoryError}, is recorded that way and
 * never escapes {@link dev.xct.core.loop.ExecutionLoop#run(String)}.
 *
 * <p>A cancelled run ends {@link RunStatus#CANCELLED}, and one out of time {@link
 * RunStatus#LIMIT_REACHED}, without waiting for the model. A client that {@linkplain
 * #honoursCancellation() honours its request} is called on the run's own thread: it watches {@link
 * ModelRequest#cancellation()}, bounds its wait by {@link ModelRequest#remaining()}, aborts the
 * call and throws. Any other client is called on one of the loop's worker threads (unless the loop
 * runs tools inline), so the loop can stop waiting for it on its own; its token is then cancelled,
 * its thread interrupted, and a reply that arrives later is dropped. With {@link
 * dev.xct.core.loop.ExecutionLoop.Builder#inlineTools()} every client runs on the run's thread, and
 * only one that honours its request can end a cancelled run before its own timeout.
 *
 * <p>Implementations must be thread-safe when the loop serves concurrent runs.
 */
@FunctionalInterface
public interface ModelClient {

  /** Returns the model's reply to {@code request}. */
  ModelReply next(ModelRequest request);

  /**
   * Returns whether {@link #next} stops promptly, by throwing, once its request's {@linkplain
   * ModelRequest#cancellation() cancellation} is cancelled, and never waits past its {@linkplain
   * ModelRequest#deadline() deadline}. The loop then calls it on the run's own thread: no hand-over
   * to a worker thread per step, and a run waiting on its model holds no thread but its own (a
   * virtual thread parks). Default {@code false}, which is always safe; a client that claims this
   * wrongly can hold a cancelled or timed-out run until it returns.
   */
  default boolean honoursCancellation() {
    return false;
  }
}
