package dev.xct.cli;

import dev.xct.core.RunStatus;

/**
 * Names the exit codes of {@code xct}. They are part of its interface: scripts and CI jobs branch
 * on them, so they never change meaning. The usage and configuration codes follow BSD's {@code
 * sysexits.h}; {@code docs/cli.md} lists them all.
 */
public final class ExitCodes {
  /**
   * The run ended with the model saying done; a policy file is valid; the demo went as scripted.
   */
  public static final int DONE = 0;

  /** A budget ran out: steps, consecutive errors, a tool quota or the deadline. */
  public static final int LIMIT_REACHED = 2;

  /** A validator or a person stopped the run. */
  public static final int STOPPED = 3;

  /**
   * The model failed (transport, authentication, a replay file that ran out of replies) or the run
   * was cancelled.
   */
  public static final int MODEL_FAILED = 4;

  /**
   * The run paused for a person's approval ({@link RunStatus#AWAITING_APPROVAL}): {@code xct run
   * --approve defer}, and a resumed run that asks again.
   */
  public static final int AWAITING_APPROVAL = 5;

  /**
   * {@code xct approve} or {@code xct deny} was refused: the run waits for another action, the
   * request expired or was answered before, or the run waits for none. Nothing ran.
   */
  public static final int ANSWER_REFUSED = 6;

  /** The command line is wrong: an unknown option, a missing argument ({@code EX_USAGE}). */
  public static final int USAGE = 64;

  /**
   * A policy file, replies file or model configuration is invalid ({@code EX_DATAERR}); the message
   * names the line and field.
   */
  public static final int BAD_CONFIG = 65;

  /** An input file or directory does not exist or cannot be read ({@code EX_NOINPUT}). */
  public static final int NO_INPUT = 66;

  /** {@code xct} itself failed; a bug worth reporting ({@code EX_SOFTWARE}). */
  public static final int INTERNAL = 70;

  private ExitCodes() {}

  /** Returns the exit code for a run that ended with {@code status}. */
  public static int of(RunStatus status) {
    return switch (status) {
      case DONE -> DONE;
      case LIMIT_REACHED -> LIMIT_REACHED;
      case STOPPED -> STOPPED;
      case CANCELLED, MODEL_FAILED -> MODEL_FAILED;
      case AWAITING_APPROVAL -> AWAITING_APPROVAL;
    };
  }
}
