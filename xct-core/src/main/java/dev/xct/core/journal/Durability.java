package dev.xct.core.journal;

/**
 * Chooses when {@link FileJournal} forces records to the storage device. Whatever the choice, a
 * record is written to the operating system before {@code append} returns, so it survives the
 * process being killed ({@code kill -9}); only forcing makes it survive a power cut or kernel
 * crash.
 */
public enum Durability {
  /**
   * Forces every record before {@code append} returns, one force per record ({@code
   * FileChannel.force}). The default: an intent is on disk before its tool runs.
   */
  FORCE,

  /**
   * Group commit: same promise as {@link #FORCE}, but concurrent appends (from many runs) share one
   * force. Each caller still blocks until a force that covers its record has completed. Cheaper per
   * record whenever several runs write at once; the same as {@link #FORCE} for a single run.
   */
  GROUP,

  /**
   * Never forces: records reach the operating system but a power cut may lose the latest ones. For
   * tests and for journals that only need to survive process crashes.
   */
  NONE
}
