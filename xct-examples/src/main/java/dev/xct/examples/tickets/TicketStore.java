package dev.xct.examples.tickets;

import dev.xct.examples.tickets.Ticket.Priority;
import dev.xct.examples.tickets.Ticket.Resolution;
import dev.xct.examples.tickets.Ticket.Status;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Keeps tickets in memory, numbered {@code T-1}, {@code T-2}, … in the order they are opened, and
 * knows the users they can be assigned to. Stands in for the ticket system a real tool would call.
 *
 * <p>Thread-safe: one store serves every run.
 */
public final class TicketStore {
  private final Clock clock;
  private final Set<String> users;
  private final Map<String, Ticket> tickets = new LinkedHashMap<>();

  /** Creates an empty store whose tickets can be assigned to {@code users}. */
  public TicketStore(Clock clock, Set<String> users) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.users = Set.copyOf(users);
  }

  /** Opens a ticket and returns it. */
  public synchronized Ticket open(
      String title, Priority priority, @Nullable String assignee, List<String> labels) {
    String id = "T-" + (tickets.size() + 1);
    Ticket ticket =
        new Ticket(id, title, priority, assignee, labels, Status.OPEN, null, clock.instant());
    tickets.put(id, ticket);
    return ticket;
  }

  /** Returns the ticket {@code id}, or empty. */
  public synchronized Optional<Ticket> find(String id) {
    return Optional.ofNullable(tickets.get(id));
  }

  /** Closes the ticket {@code id} with {@code why} and returns it, or empty if there is none. */
  public synchronized Optional<Ticket> close(String id, Resolution why) {
    return Optional.ofNullable(tickets.computeIfPresent(id, (key, open) -> open.closed(why)));
  }

  /** Returns every ticket, in the order they were opened. */
  public synchronized List<Ticket> all() {
    return List.copyOf(tickets.values());
  }

  /** Returns whether {@code login} names a user. */
  public boolean isUser(String login) {
    return users.contains(login);
  }

  /** Returns the users' logins, sorted. */
  public List<String> users() {
    return List.copyOf(new TreeSet<>(users));
  }
}
