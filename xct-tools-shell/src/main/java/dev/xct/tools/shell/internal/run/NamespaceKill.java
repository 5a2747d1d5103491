package dev.xct.tools.shell.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a sandboxed command by its PID namespace. The command runs as the namespace's pid 1 ({@code
 * --as-pid-1}), so the kernel kills everything else in the namespace as it exits, and the outer
 * {@code bwrap} process, which waits for it, exits only after that: once the outer process is gone
 * there is nothing to look for. While it runs, killing the command (the outer process's child)
 * tears the namespace down; the outer process is killed too. No {@code /proc} scan either way.
 * Thread-safe.
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
    // Taken before the outer process dies: afterwards the command is no longer its child.
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
