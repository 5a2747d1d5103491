/**
 * The durable, tamper-evident journal: the {@link dev.xct.core.journal.Journal} SPI the loop writes
 * every event to before acting on it, the {@link dev.xct.core.journal.FileJournal} implementation
 * (hash-chained JSON Lines segments, forced as {@link dev.xct.core.journal.Durability} says), its
 * {@link dev.xct.core.journal.Verification}, and the {@link dev.xct.core.journal.ResumePolicy} for
 * steps whose outcome a crash left unknown.
 */
package dev.xct.core.journal;
