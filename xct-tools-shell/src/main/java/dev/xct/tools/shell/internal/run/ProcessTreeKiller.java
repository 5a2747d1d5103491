package dev.xct.tools.shell.internal.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills every process a command started, including those that were reparented after their parent
 * exited (which {@link ProcessHandle#descendants()} no longer sees).
 *
 * <p>A process belongs to the command when it is the command's process or one of its descendants,
 * or, on Linux, when its initial environment carries the command's random marker variable
 * (inherited by every descendant that does not replace its environment). What escapes both, a
 * process that was reparented and replaced its environment, is only contained by the bubblewrap
 * sandbox's PID namespace. (Starting the command in a session of its own through {@code setsid}
 * would catch some of those too, but that second program start cost as much as everything else the
 * tool does; unconfined commands are for trusted models.) Kills repeat until a scan finds nothing
 * left, so processes forked during the kill are caught too; and a scan that met a new process whose
 * environment reads empty (one caught in {@code execve}, between releasing its old memory and
 * setting up its new environment) is repeated after a short pause rather than taken as final.
 *
 * <p>A scan reads {@code /proc/<pid>/stat} of every process once. Every process of the command was
 * forked after the command started, so when the start time is known ({@link ProcMark}) only
 * processes started since then are considered, and only their {@code environ} is searched for the
 * marker; a process that started earlier is never touched. When the command's process has exited
 * and the kernel created no other task anywhere since the mark, there is no scan at all.
 *
 * <p>Thread-safe; {@link #killAll()} may run concurrently from a timeout and a cancellation.
 */
final class ProcessTreeKiller implements TreeKill {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessTreeKiller.class);
  private static final int MAX_ROUNDS = 50;

  /** Looks for a process caught in {@code execve} at most this often (about 0.2 s in all). */
  private static final int MAX_SETTLES = 10;

  private static final long KTHREADD = 2;

  private final ProcessHandle root;
  private final byte[] marker;
  private final ProcMark mark;
  private final long sinceTicks;

  /**
   * Creates a killer for the tree under {@code root}.
   *
   * @param marker the {@code NAME=value} entry placed in the command's environment
   * @param mark taken before {@code root} was started
   */
  ProcessTreeKiller(ProcessHandle root, String marker, ProcMark mark) {
    this.root = root;
    this.marker = (marker + "\0").getBytes(StandardCharsets.UTF_8);
    this.mark = mark;
    // One tick of slack: the start time and the uptime are both rounded down.
    this.sinceTicks = mark.ticks() < 0 ? -1 : Math.max(0, mark.ticks() - 1);
  }

  /** Kills the tree; returns whether a final scan found no process of it left running. */
  @Override
  public boolean killAll() {
    if (!root.isAlive() && mark.onlyOneTaskCreatedSince()) {
      // The command's process is gone and it created no other: there is nothing to look for.
      return true;
    }
    int rounds = 0;
    int settles = 0;
    while (rounds < MAX_ROUNDS) {
      Scan scan = scan();
      if (scan.targets().isEmpty()) {
        if (!scan.unsettled() || settles >= MAX_SETTLES) {
          return true;
        }
        // A process was caught in execve: look again once it has its new environment.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1L << Math.min(settles++, 5)));
        continue;
      }
      rounds++;
      scan.targets().forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle target : scan.targets()) {
        try {
          target.onExit().get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          LOG.debug("process {} not gone yet", target.pid());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    LOG.warn("processes of command {} survived {} kill rounds", root.pid(), MAX_ROUNDS);
    return scan().targets().isEmpty();
  }

  /**
   * What one reading of the process table found.
   *
   * @param targets every running process of the tree
   * @param unsettled whether some other process started since the mark had no readable environment,
   *     so that it may be one of the command's in the middle of {@code execve}
   */
  record Scan(Set<ProcessHandle> targets, boolean unsettled) {}

  /** Reads the process table once. */
  Scan scan() {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    boolean unsettled = false;
    boolean rootAlive = root.isAlive();
    if (rootAlive) {
      found.add(root);
    }
    if (!ProcTable.AVAILABLE) {
      root.descendants().forEach(found::add);
    } else {
      List<ProcTable.Entry> entries = ProcTable.running(sinceTicks);
      Map<Long, ProcTable.Entry> targets = new HashMap<>();
      if (rootAlive) {
        // A dead root's children were reparented: a process whose parent has its pid is another's.
        descendants(entries, targets);
      }
      byte[] buffer = new byte[8192];
      for (ProcTable.Entry entry : entries) {
        if (targets.containsKey(entry.pid()) || isKernelThread(entry)) {
          continue;
        }
        switch (ProcTable.environ(entry.pid(), marker, buffer)) {
          case CARRIES -> targets.put(entry.pid(), entry);
          case EMPTY -> unsettled = true;
          case LACKS -> {}
        }
      }
      targets.values().forEach(entry -> handle(entry, found));
    }
    found.removeIf(handle -> !handle.isAlive());
    return new Scan(found, unsettled);
  }

  /** Kernel threads ({@code kthreadd} and its children) have no environment and are never ours. */
  private static boolean isKernelThread(ProcTable.Entry entry) {
    return entry.pid() == KTHREADD || entry.ppid() == KTHREADD;
  }

  /**
   * Adds the root's descendants; like the JDK's, a child must not have started before its parent.
   */
  private void descendants(List<ProcTable.Entry> entries, Map<Long, ProcTable.Entry> targets) {
    Map<Long, List<ProcTable.Entry>> children = new HashMap<>();
    for (ProcTable.Entry entry : entries) {
      children.computeIfAbsent(entry.ppid(), k -> new ArrayList<>()).add(entry);
    }
    Deque<long[]> parents = new ArrayDeque<>();
    parents.add(new long[] {root.pid(), sinceTicks});
    while (!parents.isEmpty()) {
      long[] parent = parents.poll();
      for (ProcTable.Entry child : children.getOrDefault(parent[0], List.of())) {
        if (child.startTicks() >= parent[1] && targets.putIfAbsent(child.pid(), child) == null) {
          parents.add(new long[] {child.pid(), child.startTicks()});
        }
      }
    }
  }

  /**
   * Adds a handle for {@code entry}'s process unless its pid now names a newer process: the handle
   * records the start time it saw, so a later reuse of the pid makes the kill a no-op.
   */
  private static void handle(ProcTable.Entry entry, Set<ProcessHandle> found) {
    ProcessHandle.of(entry.pid())
        .ifPresent(
            handle -> {
              ProcTable.Entry now = ProcTable.stat(entry.pid());
              if (now != null && now.startTicks() == entry.startTicks()) {
                found.add(handle);
              }
            });
  }
}
