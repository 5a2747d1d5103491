/**
 * Decides whether a {@code shell.exec} call may run and builds exactly what runs: the argument
 * checker, path confinement per program, launchers, and the preflights (git's repository check).
 * Not an API.
 */
package dev.xct.tools.shell.internal.check;
