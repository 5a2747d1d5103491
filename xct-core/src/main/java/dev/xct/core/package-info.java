/**
 * Lets a production system use an LLM as an operator without handing it execution authority: the
 * model proposes one action at a time as JSON, the system validates each proposal and may veto it,
 * deterministic tools execute what was allowed, and every outcome, errors included, returns to the
 * model as data. Start with {@link dev.xct.core.loop.ExecutionLoop}: give its builder a {@link
 * dev.xct.core.ModelClient} and a {@link dev.xct.core.tool.ToolRegistry}, register tool libraries
 * (tools with the validators they need) as {@link dev.xct.core.Toolkit}s, add validators from
 * {@link dev.xct.core.validate}, and call {@code run}. Write tools as {@link
 * dev.xct.core.tool.TypedTool}s or with {@link dev.xct.core.tool.Tools#typed}; values crossing the
 * boundary are immutable {@link dev.xct.core.JsonValue}s, and programmer mistakes throw {@link
 * dev.xct.core.XctException} while run-time problems never throw.
 */
package dev.xct.core;
