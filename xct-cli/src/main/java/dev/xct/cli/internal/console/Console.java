package dev.xct.cli.internal.console;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Holds where a command writes and reads, and whether it talks to a person: output, diagnostics,
 * input, colour and interactivity. Commands take one of these instead of touching {@code System},
 * so that tests can run them in-process. Both output streams are {@link TerminalStream}s: nothing
 * printed through them can steer the terminal.
 *
 * @param out where results and transcripts go
 * @param err where diagnostics and progress go
 * @param in where a person's answers come from
 * @param style the colours to use
 * @param interactive whether a person is at a terminal (approvals and progress need one)
 */
public record Console(
    TerminalStream out, TerminalStream err, BufferedReader in, Style style, boolean interactive) {
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
    boolean terminal = Standard.TERMINAL;
    boolean colour =
        mode == ColorMode.ALWAYS
            || (mode == ColorMode.AUTO && wantsColour(terminal, System.getenv()));
    return new Console(
        Standard.OUT,
        Standard.ERR,
        new BufferedReader(new InputStreamReader(System.in, Standard.ENCODING)),
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

  /**
   * Wraps the process's standard output and error once, in the terminal's encoding or UTF-8 when
   * there is no terminal, and installs the wrappers as {@code System.out} and {@code System.err}:
   * what libraries print or log (slf4j-simple writes to {@code System.err}) passes the same
   * neutralisation as what XCT prints.
   */
  private static final class Standard {
    static final boolean TERMINAL = System.console() != null;
    static final Charset ENCODING = TERMINAL ? System.console().charset() : StandardCharsets.UTF_8;
    static final TerminalStream OUT = TerminalStream.over(System.out, ENCODING);
    static final TerminalStream ERR = TerminalStream.over(System.err, ENCODING);

    static {
      System.setOut(OUT);
      System.setErr(ERR);
    }
  }
}
