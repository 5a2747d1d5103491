/**
 * Runs allowlisted programs for the model without a shell: {@link dev.xct.tools.shell.ShellTools}
 * builds the {@code shell.exec} tool and the {@code shell-allowlist} validator from {@link
 * dev.xct.tools.shell.Program} rules (vetted ones in {@link dev.xct.tools.shell.Presets}), confines
 * paths with {@code xct-tools-fs}, and can run every command inside a bubblewrap {@link
 * dev.xct.tools.shell.Sandbox}. See {@code docs/tools-shell.md}.
 */
package dev.xct.tools.shell;
