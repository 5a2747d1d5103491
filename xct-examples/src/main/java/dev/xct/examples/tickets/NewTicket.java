package dev.xct.examples.tickets;

import dev.xct.core.tool.Description;
import dev.xct.examples.tickets.Ticket.Priority;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Holds the arguments of {@code tickets.create}: the input schema the model sees is generated from
 * this record, and the model's JSON arrives bound to it.
 *
 * @param title one line saying what is wrong
 * @param priority how urgent it is; {@code null} when the model left it out
 * @param assignee the login of the person to assign; {@code null} when the model left it out
 * @param labels labels; empty when the model left them out
 */
// tag::record[]
public record NewTicket(
    @Description("One line saying what is wrong") String title,
    @Description("How urgent it is; leave out for NORMAL") @Nullable Priority priority,
    @Description("Login of the person to assign, if the reporter named one")
        @Nullable String assignee,
    @Description("Labels such as billing or login") Optional<List<String>> labels) {}
// end::record[]
