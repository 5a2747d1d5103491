package dev.xct.examples.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds one support ticket as the {@link TicketStore} keeps it; tools return it as their result,
 * and {@code Result.success} turns it into JSON (enums by name, the instant as ISO-8601 text).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the ticket's id, such as {@code T-12}
 * @param title one line saying what is wrong
 * @param priority how urgent it is
 * @param assignee the login of the person working on it, or {@code null}
 * @param labels free-form labels, in the order given
 * @param status open or closed
 * @param resolution why it was closed; {@code null} while open
 * @param openedAt when it was opened, by the store's clock
 */
public record Ticket(
    String id,
    String title,
    Priority priority,
    @Nullable String assignee,
    List<String> labels,
    Status status,
    @Nullable Resolution resolution,
    Instant openedAt) {

  /** How urgent a ticket is. */
  public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
  }

  /** Whether a ticket is still being worked on. */
  public enum Status {
    OPEN,
    CLOSED
  }

  /** Why a ticket was closed. */
  public enum Resolution {
    FIXED,
    DUPLICATE,
    WONT_FIX
  }

  /**
   * @throws NullPointerException if a component other than {@code assignee} or {@code resolution}
   *     is null
   */
  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(priority, "priority");
    labels = List.copyOf(labels);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /** Returns this ticket closed with {@code why}. */
  public Ticket closed(Resolution why) {
    return new Ticket(id, title, priority, assignee, labels, Status.CLOSED, why, openedAt);
  }
}
