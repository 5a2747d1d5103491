package dev.xct.tools.fs;

import dev.xct.core.Toolkit;
import dev.xct.core.XctException;
import dev.xct.tools.fs.internal.DeleteTool;
import dev.xct.tools.fs.internal.EditTool;
import dev.xct.tools.fs.internal.FindTool;
import dev.xct.tools.fs.internal.FsConfig;
import dev.xct.tools.fs.internal.FsTool;
import dev.xct.tools.fs.internal.FsValidator;
import dev.xct.tools.fs.internal.ListTool;
import dev.xct.tools.fs.internal.MkdirTool;
import dev.xct.tools.fs.internal.MoveTool;
import dev.xct.tools.fs.internal.ReadTool;
import dev.xct.tools.fs.internal.StatTool;
import dev.xct.tools.fs.internal.WriteTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Provides the filesystem tools ({@code fs.read}, {@code fs.write}, {@code fs.edit}, {@code
 * fs.list}, {@code fs.stat}, {@code fs.mkdir}, {@code fs.delete}, {@code fs.move}, {@code fs.find})
 * confined by one {@link PathConfinement}, with the {@code fs-confinement} validator that checks
 * their paths before anything runs, as one {@link Toolkit}. Each tool checks again at the moment of
 * use; see {@code docs/tools-fs.md} for schemas and {@code docs/security.md} for what is
 * guaranteed. The tools are ordinary {@link dev.xct.core.tool.TypedTool}s.
 *
 * <pre>{@code
 * FsTools fs = FsTools.forRoot(Path.of("/srv/workspace"));
 * ExecutionLoop loop = ExecutionLoop.builder(model, ToolRegistry.empty())
 *     .toolkit(fs.toolkit())       // the nine tools, and fs-confinement after the schema check
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FsTools {
  /** Default largest file read: 1 MiB. */
  public static final long DEFAULT_MAX_READ_BYTES = 1 << 20;

  /** Default largest file written: 1 MiB. */
  public static final long DEFAULT_MAX_WRITE_BYTES = 1 << 20;

  /** Default most entries listed, found, deleted or moved at once. */
  public static final int DEFAULT_MAX_ENTRIES = 1000;

  /** Default most entries {@code fs.find} examines. */
  public static final int DEFAULT_MAX_VISITED = 20_000;

  /** Default largest diff in a preview, in characters. */
  public static final int DEFAULT_MAX_DIFF_CHARS = 64 * 1024;

  private final PathConfinement confinement;
  private final Toolkit toolkit;

  private FsTools(PathConfinement confinement, FsConfig config) {
    this.confinement = confinement;
    List<FsTool<?>> tools =
        List.of(
            new ReadTool(config),
            new WriteTool(config),
            new EditTool(config),
            new ListTool(config),
            new StatTool(config),
            new MkdirTool(config),
            new DeleteTool(config),
            new MoveTool(config),
            new FindTool(config));
    this.toolkit = Toolkit.of(tools, List.of(new FsValidator(tools)));
  }

  /** Returns a builder for tools confined by {@code confinement}. */
  public static Builder builder(PathConfinement confinement) {
    return new Builder(Objects.requireNonNull(confinement, "confinement"));
  }

  /**
   * Returns tools with default limits and deny globs, confined to one read-write root.
   *
   * @throws XctException if {@code root} is not an existing directory
   */
  public static FsTools forRoot(Path root) {
    return builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build()).build();
  }

  /**
   * Returns the nine tools, in a stable order, with the validator named {@code fs-confinement}:
   * register them with {@link dev.xct.core.loop.ExecutionLoop.Builder#toolkit}.
   */
  public Toolkit toolkit() {
    return toolkit;
  }

  /** Returns the confinement the tools use. */
  public PathConfinement confinement() {
    return confinement;
  }

  /** Configures {@link FsTools}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final PathConfinement confinement;
    private long maxReadBytes = DEFAULT_MAX_READ_BYTES;
    private long maxWriteBytes = DEFAULT_MAX_WRITE_BYTES;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private int maxVisited = DEFAULT_MAX_VISITED;
    private int maxDiffChars = DEFAULT_MAX_DIFF_CHARS;
    private boolean durableWrites = true;

    private Builder(PathConfinement confinement) {
      this.confinement = confinement;
    }

    /** Sets the largest file {@code fs.read} and {@code fs.edit} load. */
    public Builder maxReadBytes(long bytes) {
      this.maxReadBytes = bytes;
      return this;
    }

    /** Sets the largest file {@code fs.write} and {@code fs.edit} produce. */
    public Builder maxWriteBytes(long bytes) {
      this.maxWriteBytes = bytes;
      return this;
    }

    /**
     * Sets the most entries {@code fs.list} and {@code fs.find} return and a recursive delete or
     * directory move may touch.
     */
    public Builder maxEntries(int entries) {
      this.maxEntries = entries;
      return this;
    }

    /** Sets the most entries {@code fs.find} examines. */
    public Builder maxVisited(int entries) {
      this.maxVisited = entries;
      return this;
    }

    /** Sets the largest diff a preview carries, in characters. */
    public Builder maxDiffChars(int chars) {
      this.maxDiffChars = chars;
      return this;
    }

    /**
     * Sets whether {@code fs.write} and {@code fs.edit} force what they write to disk before they
     * report success (default {@code true}).
     *
     * <p>Both modes are atomic: a reader, or a process killed at any instant (even with {@code kill
     * -9}), sees the old or the new content and never a mix, because the new content goes to a
     * temporary file that is renamed over the target, and the page cache outlives the process.
     * Durable writes also survive a power loss or a kernel crash: the temporary file is forced to
     * disk before the rename and the directory after it (and so are directories made by {@code
     * createParents}), so a write reported as done is still there after the machine comes back.
     * With {@code false} both forces are skipped, which makes a small write several times cheaper
     * on most disks, but a power loss or kernel crash in the next seconds may lose the newest
     * content (the old content comes back or, on file systems that do not order data before
     * renames, an empty file).
     *
     * <p>Keep the default whenever anything records a write as done, such as the loop's journal:
     * after a power cut the disk must not contradict the record. Turn it off for scratch workspaces
     * that a crash would throw away anyway.
     */
    public Builder durableWrites(boolean durable) {
      this.durableWrites = durable;
      return this;
    }

    /**
     * Returns the tools.
     *
     * @throws XctException if a limit is not positive
     */
    public FsTools build() {
      positive("maxReadBytes", maxReadBytes);
      positive("maxWriteBytes", maxWriteBytes);
      positive("maxEntries", maxEntries);
      positive("maxVisited", maxVisited);
      positive("maxDiffChars", maxDiffChars);
      return new FsTools(
          confinement,
          new FsConfig(
              confinement.resolver(),
              maxReadBytes,
              maxWriteBytes,
              maxEntries,
              maxVisited,
              maxDiffChars,
              durableWrites));
    }

    private static void positive(String name, long value) {
      if (value <= 0) {
        throw new XctException(name + " must be positive, was: " + value);
      }
    }
  }
}
