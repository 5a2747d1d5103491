package dev.xct.tools.fs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.HardLinkPolicy;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaces a directory with a link to the outside between the check and the use, at the layer below
 * the tools' own re-resolution: the openat-style handles must refuse to follow it, or keep working
 * on the directory they opened.
 */
class CheckThenUseRaceTest {
  @TempDir Path temp;
  private Path root;
  private Path outside;
  private Resolver resolver;
  private Root theRoot;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root")).toRealPath();
    outside = Files.createDirectory(temp.resolve("outside")).toRealPath();
    Files.createDirectory(root.resolve("sub"));
    Files.writeString(root.resolve("sub/file.txt"), "inside");
    Files.writeString(outside.resolve("file.txt"), "outside");
    theRoot = new Root(root, root, RootAccess.READ_WRITE, true);
    resolver =
        new Resolver(
            List.of(theRoot),
            DenyRules.compile(List.of(), List.of()),
            true,
            HardLinkPolicy.REFUSE_WRITES);
  }

  private void swapSubForLinkOut() throws IOException {
    Files.move(root.resolve("sub"), root.resolve("sub-old"));
    Files.createSymbolicLink(root.resolve("sub"), outside);
  }

  @Test
  void platformGivesOpenatStyleHandles() throws IOException {
    try (Dir dir = Dirs.openRoot(theRoot)) {
      assertThat(dir.secure()).as("SecureDirectoryStream on Linux").isTrue();
    }
  }

  @Test
  void aRootSwappedForALinkAfterTheCheckIsNotEntered() throws IOException {
    resolver.resolve("sub/file.txt", PathUse.CHANGE, true);
    Files.move(root, temp.resolve("root-old"));
    Files.createSymbolicLink(root, outside);

    assertThatThrownBy(() -> Dirs.open(theRoot, List.of()))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertThat(IoErrors.refusal((IOException) e, "sub/file.txt").failure().code())
                    .isEqualTo(FsErrorCodes.CONFLICT));
  }

  @Test
  void openingAResolvedChainRefusesADirectorySwappedForALink() throws IOException {
    Resolved checked = resolver.resolve("sub/file.txt", PathUse.CHANGE, true);
    swapSubForLinkOut();

    assertThatThrownBy(() -> Dirs.open(checked.root(), checked.parentNames()))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertThat(IoErrors.refusal((IOException) e, "sub/file.txt").failure().code())
                    .isEqualTo(FsErrorCodes.CONFLICT));
  }

  @Test
  void anOpenedDirectoryKeepsWritingWhereItWasEvenAfterTheSwap() throws IOException {
    Resolved checked = resolver.resolve("sub/new.txt", PathUse.CHANGE, true);
    try (Dir dir = Dirs.open(checked.root(), checked.parentNames())) {
      swapSubForLinkOut();

      AtomicWriter.of(true)
          .write(
              dir, "new.txt", "data".getBytes(StandardCharsets.UTF_8), null, true, () -> {}, "x");
    }

    assertThat(root.resolve("sub-old/new.txt")).hasContent("data");
    assertThat(outside.resolve("new.txt")).doesNotExist();
  }

  @Test
  void aFileSwappedForALinkIsNeitherReadNorOpened() throws IOException {
    try (Dir dir = Dirs.open(theRoot, List.of("sub"))) {
      Files.delete(root.resolve("sub/file.txt"));
      Files.createSymbolicLink(root.resolve("sub/file.txt"), outside.resolve("file.txt"));

      assertThatThrownBy(() -> Content.read(dir, "file.txt", 100, "sub/file.txt"))
          .isInstanceOf(Refusal.class)
          .satisfies(e -> assertThat(((Refusal) e).failure().code()).isEqualTo("CONFLICT"));
      assertThatThrownBy(
              () ->
                  dir.channel("file.txt", java.util.Set.of(java.nio.file.StandardOpenOption.READ)))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void aDirectoryHandleNeverEntersALinkSoARecursiveDeleteCannotBeLedOut() throws IOException {
    Files.createSymbolicLink(root.resolve("sub/escape"), outside);

    try (Dir dir = Dirs.open(theRoot, List.of("sub"))) {
      assertThatThrownBy(() -> dir.open("escape")).isInstanceOf(IOException.class);
      dir.deleteFile("escape");
    }

    assertThat(outside.resolve("file.txt")).hasContent("outside");
    try (Stream<Path> list = Files.list(outside)) {
      assertThat(list).hasSize(1);
    }
  }

  @Test
  void mkdirUndoesADirectoryThatLandedOutsideBecauseTheParentWasSwapped() throws IOException {
    try (Dir sub = Dirs.open(theRoot, List.of("sub"))) {
      swapSubForLinkOut();

      // The handle is on sub-old, but the JDK has no mkdirat: the path-based mkdir lands outside.
      assertThatThrownBy(() -> Mkdirs.makeChild(sub, "made", "sub/made"))
          .isInstanceOf(Refusal.class)
          .satisfies(e -> assertThat(((Refusal) e).failure().code()).isEqualTo("CONFLICT"));
    }

    assertThat(outside.resolve("made")).doesNotExist();
    assertThat(root.resolve("sub-old/made")).doesNotExist();
  }
}
