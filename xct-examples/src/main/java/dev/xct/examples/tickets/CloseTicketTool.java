package dev.xct.examples.tickets;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Description;
import dev.xct.core.tool.JsonSchemas;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.tool.TypedTool;
import dev.xct.examples.tickets.Ticket.Resolution;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Closes a ticket: {@code tickets.close}. Destructive, so an approver is asked first and sees the
 * {@linkplain #preview preview}; idempotent, since closing a closed ticket changes nothing, so a
 * resumed run may run it again; and it can {@linkplain #checkOutcome check} what became of a call a
 * crash interrupted. Thread-safe.
 */
public final class CloseTicketTool extends TypedTool<CloseTicketTool.Args> {
  /** The arguments. */
  public record Args(
      @Description("The ticket's id, such as T-12") String id,
      @Description("Why it is closed") Resolution resolution) {}

  private final TicketStore store;

  /** Closes tickets in {@code store}. */
  public CloseTicketTool(TicketStore store) {
    // tag::hints[]
    super(
        ToolSpec.builder("tickets.close")
            .description("Close a ticket. A person approves every close.")
            .destructive()
            .idempotent()
            .inputSchema(
                JsonSchemas.forRecord(
                    Args.class, Map.of("id", JsonValue.parse("{\"pattern\":\"^T-[0-9]+$\"}")))),
        Args.class);
    // end::hints[]
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Result execute(Args args, ToolContext context) {
    Optional<Ticket> before = store.find(args.id());
    if (before.isEmpty()) {
      return Result.failure(
          "TICKET_NOT_FOUND", "there is no ticket " + args.id(), Map.of("id", args.id()));
    }
    boolean wasClosed = before.get().status() == Ticket.Status.CLOSED;
    Ticket after =
        wasClosed ? before.get() : store.close(args.id(), args.resolution()).orElseThrow();
    return Result.success(Map.of("ticket", after, "alreadyClosed", wasClosed));
  }

  // tag::preview[]
  @Override
  public Optional<JsonValue> preview(Args args, ToolContext context) {
    return store
        .find(args.id())
        .map(ticket -> JsonValue.from(Map.of("close", ticket, "as", args.resolution())));
  }

  // end::preview[]
  // tag::check[]
  @Override
  public Optional<JsonValue> checkOutcome(Args args, ToolContext context) {
    String status = store.find(args.id()).map(ticket -> ticket.status().name()).orElse("MISSING");
    return Optional.of(JsonValue.from(Map.of("id", args.id(), "status", status)));
  }
  // end::check[]
}
