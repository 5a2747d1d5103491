package dev.xct.core.journal;

import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventJson;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.internal.journal.ChainVerifier;
import dev.xct.core.internal.journal.JournalScan;
import dev.xct.core.internal.journal.RecordCodec;
import dev.xct.core.internal.journal.RunReader;
import dev.xct.core.internal.journal.SegmentLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Journals runs to a directory of append-only JSON Lines segment files, shared by all runs, each
 * record hash-chained to the one before (SHA-256, optionally signed with HMAC-SHA256), forced to
 * disk as {@link Durability} says. One shared log rather than a file per run, so that group commit
 * can cover the records of many runs with one force. The format is described in {@code
 * docs/journal.md}.
 *
 * <p>{@link #open} takes an exclusive lock on the directory ({@code journal.lock}): one writer per
 * directory, across processes. {@link #openReadOnly} takes no lock and never writes. On opening, a
 * record torn by a crash at the end of a segment is reported ({@link #tornTails()}) and ignored;
 * new records then go to a new segment, never after torn bytes. With {@link
 * JournalOptions#expectedHead()} set, opening verifies the whole chain first.
 *
 * <p>Reading a run ({@link #read}, {@link #records}, and so {@code ExecutionLoop.resume}) verifies
 * the chain from the first segment that holds the run's records to the end of the journal, with the
 * signature when a key is set, and throws {@link JournalDamagedException} where {@link #verify()}
 * would report a problem.
 *
 * <p>Thread-safe.
 */
public final class FileJournal implements Journal {
  private static final String LOCK_FILE = "journal.lock";

  private final Path dir;
  private final RecordCodec codec;
  private final SegmentLog log;
  private final FileChannel lockChannel;
  private final List<Verification.TornTail> tornTails;
  private final Map<String, Long> firstSeqOfRun;

  private FileJournal(Path dir, JournalOptions options, boolean writable) {
    this.dir = dir;
    this.codec = new RecordCodec(options.signingKey().orElse(null));
    FileChannel lock = null;
    try {
      if (writable) {
        Files.createDirectories(dir);
        lock = lock(dir);
      } else if (!Files.isDirectory(dir)) {
        throw new XctException("no journal directory " + dir);
      }
      if (options.expectedHead().isPresent()) {
        Verification verification =
            new ChainVerifier(codec).verify(dir, options.expectedHead().get());
        if (verification.problem().isPresent()) {
          throw new JournalDamagedException("journal " + dir, verification.problem().get());
        }
      }
      JournalScan scan = new JournalScan(dir, codec, writable);
      this.tornTails = List.copyOf(scan.tornTails);
      this.firstSeqOfRun = new ConcurrentHashMap<>(scan.firstSeqOfRun);
      this.log =
          writable
              ? new SegmentLog(
                  dir,
                  codec,
                  options.durability(),
                  options.segmentBytes(),
                  scan.lastSeq,
                  scan.lastHash,
                  scan.appendable)
              : null;
      this.lockChannel = lock;
    } catch (IOException | RuntimeException e) {
      closeQuietly(lock);
      if (e instanceof XctException xct) {
        throw xct;
      }
      throw new XctException("cannot open journal " + dir + ": " + e, e);
    }
  }

  /**
   * Opens (creating if needed) the journal in {@code dir} for writing, with the default options.
   *
   * @throws XctException if the directory cannot be created or read, or another writer holds it
   */
  public static FileJournal open(Path dir) {
    return open(dir, JournalOptions.defaults());
  }

  /**
   * Opens (creating if needed) the journal in {@code dir} for writing.
   *
   * @throws XctException if the directory cannot be created or read, or another writer holds it
   */
  public static FileJournal open(Path dir, JournalOptions options) {
    return new FileJournal(
        Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(options, "options"), true);
  }

  /**
   * Opens an existing journal for reading and verification only; signatures are checked with the
   * key in {@code options}, if any.
   *
   * @throws XctException if {@code dir} is not a readable journal directory
   */
  public static FileJournal openReadOnly(Path dir, JournalOptions options) {
    return new FileJournal(
        Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(options, "options"), false);
  }

  /** Opens an existing journal for reading only, without a signing key. */
  public static FileJournal openReadOnly(Path dir) {
    return openReadOnly(dir, JournalOptions.defaults());
  }

  /**
   * {@inheritDoc}
   *
   * @throws XctException if the journal is read-only or closed, an earlier write failed, the event
   *     starts a run id the journal already holds, or the record cannot be written or forced
   */
  @Override
  public void append(RunEvent event) {
    Objects.requireNonNull(event, "event");
    if (log == null) {
      throw new XctException("journal " + dir + " was opened read-only");
    }
    if (event instanceof RunEvent.RunStarted && firstSeqOfRun.containsKey(event.runId())) {
      throw new XctException("the journal already holds a run with id '" + event.runId() + "'");
    }
    long seq = log.append(EventJson.journalLine(event));
    firstSeqOfRun.putIfAbsent(event.runId(), seq);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JournalDamagedException if the chain is broken from the run's first segment on
   */
  @Override
  public List<RunEvent> read(String runId) {
    return records(runId).stream().map(JournalRecord::event).toList();
  }

  /**
   * Returns the run's records with their place in the chain; empty if the journal knows no such
   * run. Torn records are left out.
   *
   * @throws JournalDamagedException if the chain is broken from the run's first segment on
   */
  public List<JournalRecord> records(String runId) {
    Objects.requireNonNull(runId, "runId");
    Long first = firstSeqOfRun.get(runId);
    if (first == null) {
      return List.of();
    }
    return RunReader.read(dir, codec, runId, first, EventParser::fromJson);
  }

  /** Returns the ids of every run the journal holds records of. */
  @Override
  public Set<String> runIds() {
    return Set.copyOf(firstSeqOfRun.keySet());
  }

  /** Checks the whole hash chain; see {@link Verification}. */
  public Verification verify() {
    return new ChainVerifier(codec).verify(dir, null);
  }

  /**
   * Checks the whole hash chain and that it reaches {@code expectedHead}, a head obtained earlier
   * from {@link Verification#head()}: this also detects records cut off the end.
   */
  public Verification verify(Verification.Head expectedHead) {
    return new ChainVerifier(codec).verify(dir, Objects.requireNonNull(expectedHead, "head"));
  }

  /** Returns the torn records found when the journal was opened. */
  public List<Verification.TornTail> tornTails() {
    return tornTails;
  }

  /** Returns the journal's directory. */
  public Path directory() {
    return dir;
  }

  /** Closes the active segment (forcing it unless {@link Durability#NONE}) and the lock. */
  @Override
  public void close() {
    if (log != null) {
      log.close();
    }
    closeQuietly(lockChannel);
  }

  @Override
  public String toString() {
    return "FileJournal[" + dir + "]";
  }

  private static FileChannel lock(Path dir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new XctException("journal " + dir + " is in use by another process");
      }
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new XctException("journal " + dir + " is already open in this process", e);
    } catch (XctException | IOException e) {
      closeQuietly(channel);
      throw e;
    }
    return channel;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(FileJournal.class).debug("close failed", e);
      }
    }
  }
}
