package dev.xct.examples.tickets;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts open tickets by priority or by assignee: {@code tickets.stats}. A plain {@link Tool}, with
 * a hand-written schema and the arguments read as JSON. Thread-safe.
 */
// tag::tool[]
public final class TicketStatsTool implements Tool {
  private static final ToolSpec SPEC =
      ToolSpec.builder("tickets.stats")
          .description("Count the open tickets by priority or by assignee.")
          .readOnly()
          .inputSchema(
              """
              {"type":"object",
               "properties":{"by":{"enum":["priority","assignee"]}},
               "required":["by"],
               "additionalProperties":false}""")
          .build();

  private final TicketStore store;

  /** Counts the tickets of {@code store}. */
  public TicketStatsTool(TicketStore store) {
    this.store = store;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    // The loop checked the arguments against SPEC's schema: "by" is there, and one of the two.
    String by = call.arguments().get("by").flatMap(JsonValue::asString).orElseThrow();
    Map<String, Integer> open = new TreeMap<>();
    for (Ticket ticket : store.all()) {
      if (ticket.status() == Ticket.Status.OPEN) {
        String key =
            by.equals("priority")
                ? ticket.priority().name()
                : Objects.requireNonNullElse(ticket.assignee(), "nobody");
        open.merge(key, 1, Integer::sum);
      }
    }
    return Result.success(Map.of("by", by, "open", open));
  }
}
// end::tool[]
