/**
 * Shows how to write tools the short way, as {@link dev.xct.core.tool.TypedTool}s whose arguments
 * arrive as records, over a small in-memory ticket store: opening a ticket (optional fields,
 * refinements, errors as results), closing one (destructive and idempotent, with a preview for the
 * approver and a check for a resumed run), searching (a lambda through {@link
 * dev.xct.core.tool.Tools#typed}) and counting (a plain {@link dev.xct.core.tool.Tool}), all
 * registered as one {@link dev.xct.core.Toolkit}. {@code docs/tools.md} quotes these classes.
 */
package dev.xct.examples.tickets;
