package dev.xct.core.journal.crash;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.xct.core.journal.Durability;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.JournalOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The process that {@link JournalCrashTest} kills. Runs (or resumes) one or more runs in parallel
 * against a file journal and prints a marker line at every crash window; if {@code XCT_CRASH_PAUSE}
 * names a window ("WINDOW runId step"), it stops there (after writing a torn record for the TORN_
 * windows) and waits to be killed.
 *
 * <p>Arguments: {@code start|resume journalDir workDir durability runId[,runId...]}; or, for the
 * approval windows ({@link ApprovalCrashTest}), {@code
 * approval-start|approval-decide|approval-resume journalDir workDir durability runId}.
 */
public final class CrashChild {
  static final String MARK = "XCT-CRASH ";

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
    dieWithParent();
    boolean resume = args[0].equals("resume");
    Path journalDir = Path.of(args[1]);
    Path work = Path.of(args[2]);
    Durability durability = Durability.valueOf(args[3]);
    String[] runIds = args[4].split(",");
    String pause = System.getenv("XCT_CRASH_PAUSE");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CrashWorld.Hooks hooks =
        (window, runId, step) -> {
          String here = window + " " + runId + " " + step;
          synchronized (out) {
            out.println(MARK + "AT " + here);
          }
          if (here.equals(pause)) {
            if (window.startsWith("TORN_")) {
              tear(journalDir);
            }
            synchronized (out) {
              out.println(MARK + "PAUSED " + here);
            }
            while (true) {
              LockSupport.park();
            }
          }
        };
    try (FileJournal file =
        FileJournal.open(journalDir, JournalOptions.builder().durability(durability).build())) {
      HookedJournal journal = new HookedJournal(file, hooks);
      if (args[0].startsWith("approval-")) {
        ApprovalCrashTest.child(args[0], journal, work, runIds[0], hooks);
        out.println(MARK + "DONE");
        return;
      }
      List<Thread> threads = new ArrayList<>();
      for (String runId : runIds) {
        Thread thread =
            new Thread(
                () -> {
                  var loop = CrashWorld.loop(journal, work, hooks, runId);
                  if (resume) {
                    loop.resume(runId);
                  } else {
                    loop.run("count to " + CrashWorld.STEPS);
                  }
                });
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
    }
    out.println(MARK + "DONE");
  }

  /** Halts when standard input closes: the parent test died, and nobody will kill this process. */
  private static void dieWithParent() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // the parent never writes; only end of input matters
                }
              } catch (IOException e) {
                System.err.println("standard input failed, treated as closed: " + e);
              }
              Runtime.getRuntime().halt(3);
            });
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Appends the beginning of a record, without its newline, to the newest segment. */
  private static void tear(Path journalDir) {
    try (Stream<Path> files = Files.list(journalDir)) {
      Path newest =
          files
              .filter(f -> f.getFileName().toString().startsWith("journal-"))
              .sorted()
              .reduce((a, b) -> b)
              .orElseThrow();
      Files.writeString(
          newest,
          "{\"seq\":999999,\"prev\":\"0123456789abcdef",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
