package dev.xct.core.internal;

import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The default executor for tools, and the quota check the loop adds for budgets. */
public final class ToolThreads {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final ExecutorService SHARED =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "xct-tool-" + COUNTER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private ToolThreads() {}

  /** Returns the process-wide pool of daemon threads that idle threads leave after 30 s. */
  public static ExecutorService shared() {
    return SHARED;
  }

  /** Returns the validator enforcing {@link Budgets#toolQuotas()}. */
  public static Validator quotaValidator(Budgets budgets) {
    return Validator.named(
        "tool-quotas",
        (Proposal proposal, ValidationContext context) -> {
          Integer quota = budgets.toolQuotas().get(proposal.tool());
          if (quota != null && context.stats().executions(proposal.tool()) >= quota) {
            return Verdict.stop(
                ErrorCodes.TOOL_QUOTA_EXCEEDED,
                "tool '" + proposal.tool() + "' may run at most " + quota + " times per run");
          }
          return Verdict.allow();
        });
  }
}
