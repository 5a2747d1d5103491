package dev.xct.policy;

import dev.xct.core.Toolkit;
import dev.xct.core.XctException;
import dev.xct.core.tool.Tool;
import dev.xct.tools.fs.FsTools;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import dev.xct.tools.shell.ShellTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the file tools ({@code xct-tools-fs}) and the shell tool ({@code xct-tools-shell}) a
 * policy file describes, over its roots resolved against a workspace, exactly as {@code xct run}
 * and {@code xct replay} build them: no tools without roots; the file tools over the roots, with
 * the file's {@code fs} section; {@code shell.exec} too when the file lists programs, in the
 * sandbox it chooses (bubblewrap by default). Both share one {@link PathConfinement}, so a path the
 * file tools refuse is refused as a shell argument too. Register the result's {@link #toolkit()}
 * with {@code ExecutionLoop.Builder.toolkit}. {@link CheckedPolicy#tools} builds the same tools
 * from a loaded file and reports a refusal located in it.
 *
 * <p>Immutable and thread-safe, as the tools are.
 */
public final class PolicyTools {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyTools.class);

  private final Toolkit toolkit;

  private PolicyTools(Toolkit toolkit) {
    this.toolkit = toolkit;
  }

  /**
   * Returns the tools of {@code policy} under {@code workspace}, programs resolved on the shell
   * tool's default PATH.
   *
   * @throws MissingRootException if a root is not an existing directory
   * @throws XctException if the tools reject the configuration: a {@link
   *     dev.xct.tools.shell.ShellConfigurationException} naming the program (not found on the PATH,
   *     or a shell once resolved), the root (one that holds the PATH) or the sandbox (bubblewrap
   *     missing or unable to start)
   */
  public static PolicyTools of(PolicyFile policy, Path workspace) {
    return of(policy, workspace, List.of());
  }

  /**
   * Returns the tools as {@link #of(PolicyFile, Path)} does, with programs resolved on {@code
   * searchPath} instead of the shell tool's default when it is not empty (see {@code
   * ShellTools.Builder.searchPath}).
   *
   * @throws MissingRootException if a root is not an existing directory
   * @throws XctException if the tools reject the configuration
   */
  public static PolicyTools of(PolicyFile policy, Path workspace, List<Path> searchPath) {
    if (policy.roots().isEmpty()) {
      return new PolicyTools(Toolkit.of());
    }
    PathConfinement confinement = confinement(policy, workspace.toAbsolutePath().normalize());
    FsSettings fs = policy.fs();
    FsTools.Builder files = FsTools.builder(confinement);
    fs.maxReadBytes().ifPresent(files::maxReadBytes);
    fs.maxWriteBytes().ifPresent(files::maxWriteBytes);
    Toolkit all = files.build().toolkit();
    if (policy.shell().map(shell -> !shell.programs().isEmpty()).orElse(false)) {
      all = all.and(shell(policy.shell().get(), confinement, searchPath).toolkit());
    }
    List<Tool> offered = all.tools().stream().filter(t -> policy.offers(t.spec().name())).toList();
    LOG.debug(
        "built {} of {} tools the policy offers over {} roots",
        offered.size(),
        all.tools().size(),
        policy.roots().size());
    return new PolicyTools(Toolkit.of(offered, all.validators()));
  }

  /**
   * Returns the tools the file offers ({@link PolicyFile#offers}), in a stable order, with the
   * validators that come with them ({@code fs-confinement}, {@code shell-allowlist}); the loop runs
   * these before the validators added one by one, such as the policy's own. Register any tools of
   * your own only if the file offers them too.
   */
  public Toolkit toolkit() {
    return toolkit;
  }

  private static PathConfinement confinement(PolicyFile policy, Path workspace) {
    PathConfinement.Builder builder = PathConfinement.builder();
    for (Root root : policy.roots()) {
      Path directory = root.resolve(workspace);
      if (!Files.isDirectory(directory)) {
        throw new MissingRootException(root, directory);
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
