/**
 * Implementation of the shell tools, wired together here ({@code ShellSetup}, {@code
 * ShellExecTool}, {@code ShellAllowlistValidator}); the concerns live in {@code check} (what may
 * run), {@code profile} (what XCT knows of each program), {@code run} (running it, in the sandbox
 * or not) and {@code config} (the validated configuration they share). Not an API; may change in
 * any release.
 */
package dev.xct.tools.shell.internal;
