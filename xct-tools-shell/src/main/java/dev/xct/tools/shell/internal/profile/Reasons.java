package dev.xct.tools.shell.internal.profile;

/** Holds the reasons the model is told when a profile denies an option. */
final class Reasons {
  static final String RUNS = "runs another program";
  static final String FOLLOWS_LINKS = "follows symbolic links, which can lead outside the root";
  static final String NAMES_FROM_FILE =
      "reads the names of the files from a file or stdin, out of reach of the checks";
  static final String NEVER_ENDS = "waits for more input and never ends";
  static final String INTERACTIVE = "asks questions on the terminal or stdin and blocks";
  static final String WRITES = "writes to a file";
  static final String DELETES = "deletes files";

  private Reasons() {}
}
