/**
 * Filesystem tools for XCT that a prompt-injected model cannot use to escape their roots: {@link
 * dev.xct.tools.fs.FsTools} builds the {@code fs.*} tools with the {@code fs-confinement} validator
 * as one {@code Toolkit} to register; {@link dev.xct.tools.fs.PathConfinement} is the path check
 * they share with other modules (the shell tools confine their working directory with it).
 */
package dev.xct.tools.fs;
