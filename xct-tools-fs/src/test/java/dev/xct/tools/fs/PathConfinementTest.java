package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathConfinementTest {
  @TempDir Path temp;
  private Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(temp);
  }

  static Stream<Arguments> allowedPaths() {
    return Stream.of(
        Arguments.of("hello.txt", PathAccess.READ, "hello.txt"),
        Arguments.of("./hello.txt", PathAccess.READ, "hello.txt"),
        Arguments.of("sub//inner.txt", PathAccess.READ, "sub/inner.txt"),
        Arguments.of("sub/../hello.txt", PathAccess.WRITE, "hello.txt"),
        Arguments.of("{root}/hello.txt", PathAccess.READ, "hello.txt"),
        Arguments.of(".", PathAccess.READ, ""),
        Arguments.of("{root}", PathAccess.READ, ""),
        Arguments.of("link-in", PathAccess.READ, "sub/inner.txt"),
        Arguments.of("link-in-abs/inner.txt", PathAccess.WRITE, "sub/inner.txt"),
        Arguments.of("via-parent", PathAccess.READ, "sub/inner.txt"),
        Arguments.of("link-sub/new.txt", PathAccess.WRITE, "sub/new.txt"),
        Arguments.of(".git/config", PathAccess.READ, ".git/config"),
        Arguments.of("new/deeper/file.txt", PathAccess.WRITE, "new/deeper/file.txt"),
        Arguments.of("café 100% done.txt", PathAccess.WRITE, "café 100% done.txt"),
        Arguments.of("environment.txt", PathAccess.WRITE, "environment.txt"));
  }

  @ParameterizedTest(name = "[{index}] {1} {0}")
  @MethodSource("allowedPaths")
  void pathInsideTheRootResolvesToItsRealLocation(String path, PathAccess access, String real) {
    PathResolution resolution = box.confinement().resolve(box.expand(path), access);

    assertThat(resolution).isInstanceOf(PathResolution.Allowed.class);
    PathResolution.Allowed allowed = (PathResolution.Allowed) resolution;
    assertThat(allowed.root()).isEqualTo(box.root);
    assertThat(allowed.resolved()).isEqualTo(box.root.resolve(real).normalize());
    assertThat(allowed.relative().toString()).isEqualTo(real);
  }

  @Test
  void absolutePathInTheSecondRootResolvesThere() {
    PathResolution resolution =
        box.confinement().resolve(box.readOnly + "/notes.txt", PathAccess.READ);

    assertThat(resolution)
        .isEqualTo(new PathResolution.Allowed(box.readOnly.resolve("notes.txt"), box.readOnly));
  }

  @Test
  void symlinkIntoAReadOnlyRootCannotBeWrittenThrough() throws IOException {
    box.link("to-ro", box.readOnly);

    PathResolution resolution = box.confinement().resolve("to-ro/notes.txt", PathAccess.WRITE);

    assertThat(((PathResolution.Refused) resolution).code()).isEqualTo(FsErrorCodes.READ_ONLY_ROOT);
  }

  @Test
  void linksInsideTheRootAreRefusedWhenFollowingIsOff() {
    PathConfinement strict =
        PathConfinement.builder()
            .root(box.root, RootAccess.READ_WRITE)
            .followSymlinks(false)
            .build();

    assertThat(((PathResolution.Refused) strict.resolve("link-in", PathAccess.READ)).code())
        .isEqualTo(FsErrorCodes.SYMLINK_NOT_ALLOWED);
    assertThat(strict.resolve("sub/inner.txt", PathAccess.READ).isAllowed()).isTrue();
  }

  @Test
  void hardLinkedFileCannotEvenBeReadWhenThePolicyRefusesAll() {
    PathConfinement strict =
        PathConfinement.builder()
            .root(box.root, RootAccess.READ_WRITE)
            .hardLinks(HardLinkPolicy.REFUSE)
            .build();

    PathResolution.Refused refused =
        (PathResolution.Refused) strict.resolve("hard", PathAccess.READ);

    assertThat(refused.code()).isEqualTo(FsErrorCodes.HARD_LINK_NOT_ALLOWED);
    box.assertDiscloses(refused.failure(), "hard");
  }

  @Test
  void hardLinkedFileMayBeWrittenWhenAllowed() {
    PathConfinement lenient =
        PathConfinement.builder()
            .root(box.root, RootAccess.READ_WRITE)
            .hardLinks(HardLinkPolicy.ALLOW)
            .build();

    assertThat(lenient.resolve("hard", PathAccess.WRITE).isAllowed()).isTrue();
  }

  @Test
  void customDenyGlobsApplyAndDefaultsCanBeSwitchedOff() {
    PathConfinement custom =
        PathConfinement.builder()
            .root(box.root, RootAccess.READ_WRITE)
            .defaultDenyGlobs(false)
            .denyGlob("secrets/**")
            .denyWriteGlob("*.lock")
            .build();

    assertThat(custom.resolve(".env", PathAccess.READ).isAllowed()).isTrue();
    assertThat(((PathResolution.Refused) custom.resolve("secrets", PathAccess.READ)).code())
        .isEqualTo(FsErrorCodes.PATH_DENIED);
    assertThat(custom.resolve("sub/secrets/x", PathAccess.READ).isAllowed()).isTrue();
    assertThat(custom.resolve("a/b.LOCK", PathAccess.READ).isAllowed()).isTrue();
    assertThat(custom.resolve("a/b.LOCK", PathAccess.WRITE).isAllowed()).isFalse();
    assertThat(custom.denyGlobs()).containsExactly("secrets/**");
  }

  @Test
  void resolveFromAWorkingDirectoryStaysInsideItsRoot() {
    PathConfinement confinement = box.confinement();
    PathResolution.Allowed sub =
        (PathResolution.Allowed) confinement.resolve("sub", PathAccess.READ);

    assertThat(confinement.resolveFrom(sub, "inner.txt", PathAccess.READ))
        .isEqualTo(new PathResolution.Allowed(box.root.resolve("sub/inner.txt"), box.root));
    assertThat(confinement.resolveFrom(sub, "../hello.txt", PathAccess.READ).isAllowed()).isTrue();
    assertThat(
            ((PathResolution.Refused)
                    confinement.resolveFrom(sub, "../../outside", PathAccess.READ))
                .code())
        .isEqualTo(FsErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(
            ((PathResolution.Refused) confinement.resolveFrom(sub, "../.env", PathAccess.READ))
                .code())
        .isEqualTo(FsErrorCodes.PATH_DENIED);
  }

  @Test
  void workingDirectorySwappedForALinkIsRecheckedOnEveryResolution() throws IOException {
    PathConfinement confinement = box.confinement();
    PathResolution.Allowed sub =
        (PathResolution.Allowed) confinement.resolve("sub", PathAccess.READ);
    Files.move(box.root.resolve("sub"), box.root.resolve("sub-old"));
    Files.createSymbolicLink(box.root.resolve("sub"), box.outside);

    PathResolution resolution = confinement.resolveFrom(sub, "secret.txt", PathAccess.READ);

    assertThat(((PathResolution.Refused) resolution).code())
        .isEqualTo(FsErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @Test
  void rootReplacedByALinkAfterBuildIsRefused() throws IOException {
    PathConfinement confinement = box.confinement();
    Files.move(box.root, box.base.resolve("root-moved"));
    Files.createSymbolicLink(box.root, box.outside);

    PathResolution resolution = confinement.resolve("secret.txt", PathAccess.READ);

    assertThat(((PathResolution.Refused) resolution).code())
        .isEqualTo(FsErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @Test
  void resolveFromRejectsADirectoryOfAnotherConfinement() {
    PathResolution.Allowed foreign = new PathResolution.Allowed(box.outside, box.outside);

    assertThatThrownBy(() -> box.confinement().resolveFrom(foreign, "x", PathAccess.READ))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("is not a root");
  }

  @Test
  void builderRejectsMissingRootsAndBadGlobs() {
    assertThatThrownBy(() -> PathConfinement.builder().build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("at least one root");
    assertThatThrownBy(
            () ->
                PathConfinement.builder()
                    .root(box.base.resolve("nope"), RootAccess.READ_WRITE)
                    .build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(
            () ->
                PathConfinement.builder()
                    .root(box.root.resolve("hello.txt"), RootAccess.READ_WRITE)
                    .build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(
            () ->
                PathConfinement.builder()
                    .root(box.root, RootAccess.READ_WRITE)
                    .denyGlob("{a,b")
                    .build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("{a,b");
  }
}
