/**
 * Runs a checked command: the bubblewrap command line and its probe, output capture, timeouts, and
 * the kill of everything the command started. Not an API.
 */
package dev.xct.tools.shell.internal.run;
