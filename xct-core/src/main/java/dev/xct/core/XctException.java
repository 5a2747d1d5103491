package dev.xct.core;

/**
 * Signals a programmer or configuration mistake detected by XCT: a null argument, a duplicate tool
 * name, a schema that does not compile, an invalid builder setting.
 *
 * <p>Run-time problems caused by the model or the world (malformed replies, failing tools, denied
 * proposals) are never thrown: they travel as {@link dev.xct.core.protocol.Result.Failure} values.
 * This is the single unchecked root exception of the library.
 */
public class XctException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the offending value. */
  public XctException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public XctException(String message, Throwable cause) {
    super(message, cause);
  }
}
