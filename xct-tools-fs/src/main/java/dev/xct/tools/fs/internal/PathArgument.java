package dev.xct.tools.fs.internal;

/**
 * Declares one path argument of an fs tool, so that the validator can confine it before anything
 * runs.
 *
 * @param name the argument's name in the JSON object
 * @param use what the tool does with it (metadata only, content, or changes)
 * @param followFinal whether a symbolic link in the last position is followed (false for delete and
 *     move, which act on the link itself)
 * @param defaultValue the value when the argument is absent, or null if it is required
 */
public record PathArgument(String name, PathUse use, boolean followFinal, String defaultValue) {}
