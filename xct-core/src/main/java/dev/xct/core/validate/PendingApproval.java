package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolCall;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds a question a run left for a person, as its journal records it: the exact action, what the
 * person is shown, who asked and why, and until when an answer counts. An approval given for it
 * binds to {@link #action()} only, is void once {@link #expiresAt()} has passed, and is void when
 * the tool's {@linkplain dev.xct.core.tool.Tool#fingerprint fingerprint} of the target no longer
 * equals {@link #fingerprint()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param runId the run that waits
 * @param step the step whose proposal waits
 * @param call the tool and arguments exactly as they would run
 * @param action the digest of {@code call}'s tool and canonical arguments
 * @param preview what the tool says it would change ({@code null} JSON when it cannot say)
 * @param reason why approval is needed: the policy rule or the destructive tool, in words
 * @param destructive whether the tool's spec marks it destructive
 * @param askedAt when the question was asked, by the loop's clock
 * @param expiresAt the instant from which an answer no longer counts
 * @param fingerprint what the preview showed, hashed by the tool; empty if the tool has none
 */
public record PendingApproval(
    String runId,
    int step,
    ToolCall call,
    ActionDigest action,
    JsonValue preview,
    String reason,
    boolean destructive,
    Instant askedAt,
    Instant expiresAt,
    Optional<String> fingerprint) {
  /**
   * @throws NullPointerException if a component is null
   */
  public PendingApproval {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(preview, "preview");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(askedAt, "askedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Returns whether an answer given at {@code now} comes too late. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
