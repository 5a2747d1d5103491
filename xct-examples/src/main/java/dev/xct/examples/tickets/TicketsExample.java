package dev.xct.examples.tickets;

import dev.xct.core.ModelClient;
import dev.xct.core.RunResult;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.Approver;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Validators;
import dev.xct.examples.TranscriptPrinter;
import dev.xct.examples.tickets.Ticket.Priority;
import dev.xct.test.ScriptedModelClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Runs the ticket tools under a scripted model (no API key, no network): the model's arguments
 * break a refinement, then name an unknown assignee, then open a ticket; it tries to close a ticket
 * that does not exist, then closes a real one after a person approves, counts what is left and is
 * done.
 */
public final class TicketsExample {
  /** The model's replies, one per step. */
  public static final List<String> SCRIPT =
      List.of(
          """
          {"next_step":{"tool":"tickets.create","arguments":{"title":"Refund","assignee":"Zoe!"},\
          "goal":"open a ticket for the refund"}}""",
          """
          {"next_step":{"tool":"tickets.create","arguments":{"title":"Refund not received for \
          order 1234","assignee":"zoe","labels":["billing"]},"goal":"fix the arguments"}}""",
          """
          {"next_step":{"tool":"tickets.create","arguments":{"title":"Refund not received for \
          order 1234","priority":"HIGH","assignee":"ana","labels":["billing"]},\
          "goal":"assign it to a known user"}}""",
          """
          {"next_step":{"tool":"tickets.close","arguments":{"id":"T-9","resolution":"DUPLICATE"},\
          "goal":"close the old refund ticket"}}""",
          """
          {"next_step":{"tool":"tickets.close","arguments":{"id":"T-1","resolution":"DUPLICATE"},\
          "goal":"close the old refund ticket, T-1"}}""",
          """
          {"next_step":{"tool":"tickets.stats","arguments":{"by":"priority"},\
          "goal":"report what is still open"}}""",
          """
          {"done":true,"message":"Opened T-2 for ana, closed T-1 as a duplicate; 1 HIGH ticket \
          is open."}""");

  private TicketsExample() {}

  /** Returns a store holding one open ticket, {@code T-1}, and the users ana and ben. */
  public static TicketStore seededStore(Clock clock) {
    TicketStore store = new TicketStore(clock, Set.of("ana", "ben"));
    store.open("Refund for order 1234 missing", Priority.NORMAL, "ben", List.of("billing"));
    return store;
  }

  // tag::register[]
  /** Returns a loop builder over the ticket tools that asks {@code approver} before every close. */
  public static ExecutionLoop.Builder loop(
      ModelClient model, TicketStore store, Approver approver) {
    return ExecutionLoop.builder(model, ToolRegistry.of(new TicketStatsTool(store)))
        .toolkit(TicketTools.toolkit(store))
        .validator(Validators.approveDestructive(approver))
        .budgets(Budgets.builder().maxSteps(10).build());
  }

  // end::register[]
  /** Runs the scripted scenario, printing its transcript, and approves every close. */
  public static void main(String[] args) {
    TicketStore store = seededStore(Clock.systemUTC());
    Approver approveAll = request -> ApprovalDecision.approve(request, "example");
    RunResult run =
        loop(ScriptedModelClient.of(SCRIPT), store, approveAll)
            .listener(new TranscriptPrinter(System.out))
            .build()
            .run("A customer says their refund for order 1234 never arrived.");
    System.exit(run.isDone() ? 0 : 1);
  }
}
