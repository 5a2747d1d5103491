package dev.xct.examples.tickets;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.JsonSchemas;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.tool.TypedTool;
import dev.xct.examples.tickets.Ticket.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Opens a ticket: {@code tickets.create}. Its arguments arrive as a {@link NewTicket}, whose
 * generated schema is tightened by refinements; an unknown assignee is an error result the model
 * can correct. Thread-safe.
 */
// tag::tool[]
public final class CreateTicketTool extends TypedTool<NewTicket> {
  private static final JsonValue SCHEMA =
      JsonSchemas.forRecord(
          NewTicket.class,
          Map.of(
              "title", JsonValue.parse("{\"minLength\":10,\"maxLength\":120}"),
              "assignee", JsonValue.parse("{\"pattern\":\"^[a-z][a-z0-9-]{1,31}$\"}"),
              "labels", JsonValue.parse("{\"maxItems\":5}")));

  private final TicketStore store;

  /** Opens tickets in {@code store}. */
  public CreateTicketTool(TicketStore store) {
    super(
        ToolSpec.builder("tickets.create")
            .description("Open a support ticket.")
            .inputSchema(SCHEMA)
            .timeout(Duration.ofSeconds(5)),
        NewTicket.class);
    this.store = store;
  }

  @Override
  public Result execute(NewTicket args, ToolContext context) {
    if (args.assignee() != null && !store.isUser(args.assignee())) {
      return Result.failure(
          "UNKNOWN_ASSIGNEE",
          "nobody is called '" + args.assignee() + "'; leave assignee out or name a known user",
          Map.of("assignee", args.assignee(), "users", store.users()));
    }
    Priority priority = args.priority() == null ? Priority.NORMAL : args.priority();
    return Result.success(
        store.open(args.title(), priority, args.assignee(), args.labels().orElse(List.of())));
  }
}
// end::tool[]
