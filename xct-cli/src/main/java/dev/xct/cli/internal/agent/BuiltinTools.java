package dev.xct.cli.internal.agent;

import dev.xct.core.XctException;
import dev.xct.core.tool.Tool;
import dev.xct.core.validate.Validator;
import dev.xct.policy.FsSettings;
import dev.xct.policy.PolicyFile;
import dev.xct.policy.Root;
import dev.xct.policy.ShellSettings;
import dev.xct.tools.fs.FsTools;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import dev.xct.tools.shell.ShellTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the file tools ({@code xct-tools-fs}) and the shell tool ({@code xct-tools-shell}) a
 * policy file describes, over its roots resolved against the workspace. Both share one {@link
 * PathConfinement}, so a path the file tools refuse is refused as a shell argument too.
 */
public final class BuiltinTools {
  private BuiltinTools() {}

  /** Thrown when a root in the policy file does not exist as a directory. */
  public static final class MissingRootException extends XctException {
    private static final long serialVersionUID = 1L;

    MissingRootException(String message) {
      super(message);
    }
  }

  /**
   * Returns the toolbox for {@code policy} under {@code workspace}: no tools without roots; the
   * file tools over the roots; {@code shell.exec} too when the file lists programs, resolved on the
   * shell tool's default PATH and run in the sandbox the file chooses (bubblewrap by default).
   *
   * @throws MissingRootException if a root is not an existing directory
   * @throws XctException if the tools reject the configuration (a program not found on the PATH,
   *     bubblewrap missing or unable to start)
   */
  public static Toolbox forPolicy(PolicyFile policy, Path workspace) {
    return forPolicy(policy, workspace, List.of());
  }

  /**
   * Returns the toolbox as {@link #forPolicy(PolicyFile, Path)} does, with programs resolved on
   * {@code searchPath} instead of the shell tool's default when it is not empty (for tests that
   * stand in for programs a machine lacks).
   */
  static Toolbox forPolicy(PolicyFile policy, Path workspace, List<Path> searchPath) {
    if (policy.roots().isEmpty()) {
      return new Toolbox(List.of(), List.of());
    }
    PathConfinement confinement = confinement(policy, workspace.toAbsolutePath().normalize());
    FsSettings fs = policy.fs();
    FsTools.Builder files = FsTools.builder(confinement);
    fs.maxReadBytes().ifPresent(files::maxReadBytes);
    fs.maxWriteBytes().ifPresent(files::maxWriteBytes);
    FsTools fileTools = files.build();
    List<Tool> tools = new ArrayList<>(fileTools.tools());
    List<Validator> validators = new ArrayList<>(List.of(fileTools.validator()));
    if (policy.shell().map(shell -> !shell.programs().isEmpty()).orElse(false)) {
      ShellTools shell = shell(policy.shell().get(), confinement, searchPath);
      tools.add(shell.tool());
      validators.add(shell.validator());
    }
    return new Toolbox(tools, validators);
  }

  private static PathConfinement confinement(PolicyFile policy, Path workspace) {
    PathConfinement.Builder builder = PathConfinement.builder();
    for (Root root : policy.roots()) {
      Path directory = root.resolve(workspace);
      if (!Files.isDirectory(directory)) {
        throw new MissingRootException(
            "root " + root.path() + " (" + directory + ") does not exist or is not a directory");
      }
      builder.root(directory, root.writable() ? RootAccess.READ_WRITE : RootAccess.READ_ONLY);
    }
    FsSettings fs = policy.fs();
    fs.deny().forEach(builder::denyGlob);
    fs.denyWrite().forEach(builder::denyWriteGlob);
    return builder
        .defaultDenyGlobs(fs.defaultDenies())
        .followSymlinks(fs.followSymlinks())
        .hardLinks(fs.hardLinks())
        .build();
  }

  private static ShellTools shell(
      ShellSettings settings, PathConfinement confinement, List<Path> searchPath) {
    ShellTools.Builder builder =
        ShellTools.builder()
            .confinement(confinement)
            .allow(settings.programs())
            .sandbox(settings.sandbox());
    if (!searchPath.isEmpty()) {
      builder.searchPath(searchPath.toArray(Path[]::new));
    }
    settings.timeout().ifPresent(builder::defaultTimeout);
    settings.maxTimeout().ifPresent(builder::maxTimeout);
    settings.maxOutputBytes().ifPresent(builder::maxOutputBytes);
    return builder.build();
  }
}
