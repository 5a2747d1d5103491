package dev.xct.tools.shell;

/**
 * Names how a program spells its options, so that a {@link Program} rule can recognise every form
 * of a denied option.
 *
 * <p>Immutable and thread-safe.
 */
public enum OptionSyntax {
  /**
   * GNU {@code getopt_long} conventions: long options {@code --name} and {@code --name=value},
   * accepted under any unique prefix ({@code --upload-pa} for {@code --upload-pack}); short options
   * {@code -x} that bundle ({@code -xvf}) and take attached values ({@code -ofile}); options
   * anywhere on the line, also after operands; {@code --} ends options. Git's own option parser
   * follows the same rules closely enough to be checked this way.
   */
  GNU,

  /**
   * Single-dash words matched exactly, as {@code find} spells its predicates ({@code -name}, {@code
   * -exec}): no bundling and no abbreviations, and {@code --} does not protect what follows.
   */
  SINGLE_DASH
}
