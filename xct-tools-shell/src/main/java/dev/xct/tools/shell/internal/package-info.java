/**
 * Implementation of the shell tools: argument checking, process execution, the process-tree kill
 * and the bubblewrap command line. Not an API; may change in any release.
 */
package dev.xct.tools.shell.internal;
