package dev.xct.temporal.internal;

/**
 * What a tool's preview or fingerprint gave on the worker. Immutable.
 *
 * @param value the preview as JSON text, or the fingerprint; null when the tool has none
 * @param error what the tool threw, or null when it did not throw
 */
public record ToolLook(String value, String error) {}
