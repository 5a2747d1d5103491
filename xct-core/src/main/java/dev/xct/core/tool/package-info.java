/**
 * Defines tools, the only place where state changes in an XCT system: a {@link
 * dev.xct.core.tool.ToolSpec} (name, description, JSON Schema of the arguments, advisory {@link
 * dev.xct.core.tool.ToolHints}) plus one {@code execute} method that reports its outcome as a
 * {@link dev.xct.core.protocol.Result}.
 *
 * <p>The short way to write a tool is a record for its arguments and either a {@link
 * dev.xct.core.tool.TypedTool} subclass or a lambda passed to {@link
 * dev.xct.core.tool.Tools#typed}: the input schema is generated from the record by {@link
 * dev.xct.core.tool.JsonSchemas} (with {@link dev.xct.core.tool.Description}s and refinements for
 * constraints) and the arguments arrive bound to it. Implementing {@link dev.xct.core.tool.Tool}
 * directly gives full control over the spec and the raw JSON arguments.
 *
 * <p>A {@link dev.xct.core.tool.ToolRegistry} holds the tools of a loop under unique names and
 * compiles every schema once, when it is built: a duplicate name, an invalid name or a schema that
 * breaks its meta-schema, has a dangling {@code $ref} or points at a remote document (never
 * fetched) fails there, naming the tool; a schema whose {@code type} does not allow an object (the
 * arguments always are one) fails already when the spec is built. At run time the registry reports
 * every {@link dev.xct.core.tool.SchemaViolation} of a call's arguments with its JSON Pointer.
 * Every type here is immutable and thread-safe unless its Javadoc says otherwise.
 */
package dev.xct.core.tool;
