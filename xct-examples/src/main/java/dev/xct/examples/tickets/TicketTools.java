package dev.xct.examples.tickets;

import dev.xct.core.JsonValue;
import dev.xct.core.Toolkit;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Description;
import dev.xct.core.tool.ToolHints;
import dev.xct.core.tool.Tools;
import dev.xct.core.tool.TypedTool;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import dev.xct.examples.tickets.Ticket.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hands out the ticket tools over one {@link TicketStore} as a {@link Toolkit}: {@code
 * tickets.create}, {@code tickets.close}, {@code tickets.search}, with the {@code ticket-exists}
 * validator that refuses to close a ticket that does not exist before anyone is asked to approve
 * it. ({@code tickets.stats} is a plain tool, registered on its own to show that way too.)
 */
public final class TicketTools {
  private TicketTools() {}

  // tag::toolkit[]
  /** Returns the ticket tools over {@code store} and the validator they need. */
  public static Toolkit toolkit(TicketStore store) {
    Validator ticketExists =
        Validator.named(
            "ticket-exists",
            (proposal, context) -> {
              if (!proposal.tool().equals("tickets.close")) {
                return Verdict.allow();
              }
              String id = proposal.arguments().get("id").flatMap(JsonValue::asString).orElse("");
              return store.find(id).isPresent()
                  ? Verdict.allow()
                  : Verdict.deny("TICKET_NOT_FOUND", "there is no ticket " + id, Map.of("id", id));
            });
    return Toolkit.of(
        List.of(new CreateTicketTool(store), new CloseTicketTool(store), search(store)),
        List.of(ticketExists));
  }

  // end::toolkit[]
  // tag::search[]
  /** The arguments of {@code tickets.search}. */
  public record Search(
      @Description("Words that must all appear in the title") @Nullable String text,
      @Description("Only tickets in this state") Optional<Status> status) {}

  /** Returns {@code tickets.search}: a read-only tool made from a lambda. */
  public static TypedTool<Search> search(TicketStore store) {
    return Tools.typed(
        "tickets.search",
        "Find tickets whose title holds all the words given.",
        ToolHints.readOnlyTool(),
        Search.class,
        (args, context) -> {
          List<String> words =
              args.text() == null
                  ? List.of()
                  : List.of(args.text().toLowerCase(Locale.ROOT).split("\\s+"));
          List<Ticket> found = new ArrayList<>();
          for (Ticket ticket : store.all()) {
            if (context.isCancelled()) { // the run was cancelled, or the tool's time is up
              return Result.failure(ErrorCodes.CANCELLED, "the search was stopped");
            }
            String title = ticket.title().toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(title::contains)
                && args.status().map(ticket.status()::equals).orElse(true)) {
              found.add(ticket);
            }
          }
          return Result.success(Map.of("tickets", found));
        });
  }
  // end::search[]
}
