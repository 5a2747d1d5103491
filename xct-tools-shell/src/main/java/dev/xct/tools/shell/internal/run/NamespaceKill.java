package dev.xct.tools.shell.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a sandboxed command by its PID namespace. The outer {@code bwrap} process exits only after
 * the namespace's first process (bwrap's init inside the sandbox) has exited and the kernel has
 * killed everything else in the namespace, so once it is gone there is nothing to look for. While
 * it runs, killing the init (its child) tears the namespace down; the outer process is killed too.
 * No {@code /proc} scan either way. Thread-safe.
 */
final class NamespaceKill implements TreeKill {
  private static final Logger LOG = LoggerFactory.getLogger(NamespaceKill.class);
  private static final long WAIT_MILLIS = 2_000;

  private final Process sandbox;

  NamespaceKill(Process sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public boolean killAll() {
    if (!sandbox.isAlive()) {
      return true;
    }
    // Taken before the outer process dies: afterwards the init is no longer its child.
    List<ProcessHandle> inside = new ArrayList<>(sandbox.toHandle().children().toList());
    inside.forEach(ProcessHandle::destroyForcibly);
    sandbox.destroyForcibly();
    inside.add(sandbox.toHandle());
    boolean clean = true;
    for (ProcessHandle handle : inside) {
      try {
        handle.onExit().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        LOG.warn("sandbox process {} did not exit after SIGKILL", handle.pid());
        clean = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !handle.isAlive();
      }
    }
    return clean;
  }
}
