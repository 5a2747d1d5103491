package dev.xct.tools.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills every process a command started, including those that were reparented after their parent
 * exited (which {@link ProcessHandle#descendants()} no longer sees).
 *
 * <p>A process belongs to the command when it is the command's process or one of its descendants,
 * or, on Linux, when it is in the session the command leads (the command is started through {@code
 * setsid}, and only {@code setsid()} itself can leave a session), or when its initial environment
 * carries the command's random marker variable (inherited by every descendant that does not replace
 * its environment). What escapes all three, a process that calls {@code setsid()} and replaces its
 * environment, is only contained by the bubblewrap sandbox's PID namespace. Kills repeat until a
 * scan finds nothing left, so processes forked during the kill are caught too.
 *
 * <p>Thread-safe; {@link #killAll()} may run concurrently from a timeout and a cancellation.
 */
final class ProcessTreeKiller {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessTreeKiller.class);
  private static final Path PROC = Path.of("/proc");
  private static final boolean PROC_AVAILABLE = Files.isReadable(PROC.resolve("self/stat"));
  private static final int MAX_ROUNDS = 50;

  private final ProcessHandle root;
  private final boolean sessionLeader;
  private final byte[] marker;

  /**
   * Creates a killer for the tree under {@code root}.
   *
   * @param sessionLeader whether {@code root} was started in its own session
   * @param marker the {@code NAME=value} entry placed in the command's environment
   */
  ProcessTreeKiller(ProcessHandle root, boolean sessionLeader, String marker) {
    this.root = root;
    this.sessionLeader = sessionLeader;
    this.marker = (marker + "\0").getBytes(StandardCharsets.UTF_8);
  }

  /** Kills the tree; returns whether a final scan found no process of it left running. */
  boolean killAll() {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Set<ProcessHandle> targets = scan();
      if (targets.isEmpty()) {
        return true;
      }
      targets.forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle target : targets) {
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
    return scan().isEmpty();
  }

  /** Returns every running process of the tree. */
  Set<ProcessHandle> scan() {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    if (root.isAlive()) {
      found.add(root);
    }
    root.descendants().forEach(found::add);
    if (PROC_AVAILABLE) {
      long self = ProcessHandle.current().pid();
      ProcessHandle.allProcesses()
          .filter(handle -> handle.pid() != self && belongs(handle.pid()))
          .forEach(found::add);
    }
    found.removeIf(handle -> !handle.isAlive());
    return found;
  }

  private boolean belongs(long pid) {
    Path dir = PROC.resolve(Long.toString(pid));
    try {
      String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
      // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      if (fields[0].equals("Z") || fields[0].equals("X")) {
        return false;
      }
      long pgrp = Long.parseLong(fields[2]);
      long session = Long.parseLong(fields[3]);
      if (sessionLeader && (session == root.pid() || pgrp == root.pid())) {
        return true;
      }
      return contains(Files.readAllBytes(dir.resolve("environ")), marker);
    } catch (IOException | RuntimeException e) {
      // Gone, not ours to read (another user's), or not Linux's format: not a target.
      return false;
    }
  }

  private static boolean contains(byte[] environ, byte[] entry) {
    outer:
    for (int start = 0; start + entry.length <= environ.length; start++) {
      if (start > 0 && environ[start - 1] != 0) {
        continue;
      }
      for (int i = 0; i < entry.length; i++) {
        if (environ[start + i] != entry[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
