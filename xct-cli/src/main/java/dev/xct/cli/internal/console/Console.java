package dev.xct.cli.internal.console;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * Holds where a command writes and reads, and whether it talks to a person: output, diagnostics,
 * input, colour and interactivity. Commands take one of these instead of touching {@code System},
 * so that tests can run them in-process.
 *
 * @param out where results and transcripts go
 * @param err where diagnostics and progress go
 * @param in where a person's answers come from
 * @param style the colours to use
 * @param interactive whether a person is at a terminal (approvals and progress need one)
 */
public record Console(
    PrintStream out, PrintStream err, BufferedReader in, Style style, boolean interactive) {
  /**
   * @throws NullPointerException if a component is null
   */
  public Console {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(style, "style");
  }

  /** Says when to colour output. */
  public enum ColorMode {
    /** Colour when a person is at a terminal and {@code NO_COLOR} is unset or empty. */
    AUTO,
    /** Always colour. */
    ALWAYS,
    /** Never colour. */
    NEVER
  }

  /** Returns the process's own streams; interactive when {@link System#console()} exists. */
  public static Console system(ColorMode mode) {
    boolean terminal = System.console() != null;
    boolean colour =
        mode == ColorMode.ALWAYS
            || (mode == ColorMode.AUTO && wantsColour(terminal, System.getenv()));
    Charset charset = terminal ? System.console().charset() : Charset.defaultCharset();
    return new Console(
        System.out,
        System.err,
        new BufferedReader(new InputStreamReader(System.in, charset)),
        new Style(colour),
        terminal);
  }

  /** Returns whether to colour: at a terminal, {@code NO_COLOR} unset or empty, not a dumb one. */
  static boolean wantsColour(boolean terminal, Map<String, String> environment) {
    String noColour = environment.get("NO_COLOR");
    return terminal
        && (noColour == null || noColour.isEmpty())
        && !"dumb".equals(environment.get("TERM"));
  }
}
