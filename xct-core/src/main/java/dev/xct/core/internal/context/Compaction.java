package dev.xct.core.internal.context;

/**
 * Decides, from the number of steps alone, which results are masked, and how far the budget is
 * drained when it overflows. Both move in large jumps so that between them every request extends
 * the previous one, which is what a provider's prompt cache can reuse.
 *
 * @param maxChars the context budget in characters
 * @param maxReplyChars the most characters of one reply repeated back to the model
 * @param recentSteps the steps at the end always shown verbatim, and the size of a masking batch
 */
public record Compaction(int maxChars, int maxReplyChars, int recentSteps) {

  /**
   * Returns how many of the first steps of an {@code n}-step transcript have their successful
   * results masked: whole batches of {@code recentSteps}, leaving between {@code recentSteps} and
   * {@code 2 * recentSteps - 1} steps verbatim, so the boundary moves once every {@code
   * recentSteps} steps.
   */
  public int maskedBefore(int n) {
    int batches = n / recentSteps;
    return batches < 2 ? 0 : (batches - 1) * recentSteps;
  }

  /**
   * Returns the size a context that overflowed the budget is drained to: the fixed part plus half
   * of the room left for steps, so the next overflow is many steps away.
   */
  public long lowWater(long fixed) {
    return fixed + Math.max(0, maxChars - fixed) / 2;
  }
}
