package dev.xct.tools.shell.internal.profile;

/** Holds the reasons the model is told when git's profile denies an option. */
final class GitReasons {
  static final String RUNS_CONFIGURED =
      "runs a program the repository's configuration or attributes name";
  static final String RUNS_PAGER = "runs a pager or the program given as its value";
  static final String RUNS_GPG = "runs gpg";
  static final String RUNS_EDITOR = "opens an editor";
  static final String RUNS_IN_SUBMODULES =
      "runs git inside submodules, whose configuration is not inspected";
  static final String INTERACTIVE = "asks questions on stdin";
  static final String READS_STDIN =
      "reads names or commands from stdin, out of reach of the checks";
  static final String NAMES_FROM_FILE =
      "reads the names of the files from a file or stdin, out of reach of the checks";
  static final String READS_OUTSIDE = "reads files outside the repository";
  static final String WRITES = "writes to a file";
  static final String WRITES_OUTSIDE = "writes files outside the work tree";
  static final String COPIES_TEMPLATE = "copies hooks and configuration into the repository";

  private GitReasons() {}
}
