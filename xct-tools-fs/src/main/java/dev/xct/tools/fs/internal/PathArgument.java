package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.PathAccess;

/**
 * Declares one path argument of an fs tool, so that the validator can confine it before anything
 * runs.
 *
 * @param name the argument's name in the JSON object
 * @param access how the tool will use it
 * @param followFinal whether a symbolic link in the last position is followed (false for delete and
 *     move, which act on the link itself)
 * @param defaultValue the value when the argument is absent, or null if it is required
 */
public record PathArgument(
    String name, PathAccess access, boolean followFinal, String defaultValue) {}
