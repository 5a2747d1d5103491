package dev.xct.tools.fs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory handle the writes go through: exclusive creation, permissions, forcing. */
class SecureDirTest {
  @TempDir Path temp;
  private Path root;
  private Root theRoot;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root")).toRealPath();
    theRoot = new Root(root, root, RootAccess.READ_WRITE, true);
  }

  @Test
  void aNewFileHasTheRequestedPermissionsFromTheStartNeverMoreOpen() throws IOException {
    try (Dir dir = Dirs.openRoot(theRoot);
        SeekableByteChannel channel =
            dir.create("secret.tmp", PosixFilePermissions.fromString("rw-------"))) {
      // Checked while the file is still open and empty: there is no moment with wider bits.
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(root.resolve("secret.tmp"))))
          .isEqualTo("rw-------");
      channel.write(ByteBuffer.wrap(new byte[] {1}));
    }
  }

  @Test
  void creationIsExclusiveAndNeverFollowsALinkPlantedUnderTheName() throws IOException {
    Path target = Files.writeString(temp.resolve("outside.txt"), "outside");
    Files.createSymbolicLink(root.resolve("planted.tmp"), target);
    Files.writeString(root.resolve("taken.tmp"), "taken");

    try (Dir dir = Dirs.openRoot(theRoot)) {
      assertThatThrownBy(() -> dir.create("planted.tmp", null))
          .isInstanceOf(FileAlreadyExistsException.class);
      assertThatThrownBy(() -> dir.create("taken.tmp", null))
          .isInstanceOf(FileAlreadyExistsException.class);
    }
    assertThat(target).hasContent("outside");
    assertThat(root.resolve("taken.tmp")).hasContent("taken");
  }

  @Test
  void lstatCarriesThePermissionsAndADirectoryCanBeForced() throws IOException {
    Files.writeString(root.resolve("a.txt"), "a");
    Files.setPosixFilePermissions(
        root.resolve("a.txt"), PosixFilePermissions.fromString("rw-r-----"));

    try (Dir dir = Dirs.open(theRoot, List.of())) {
      assertThat(dir.lstat("a.txt")).isInstanceOf(PosixFileAttributes.class);
      assertThat(
              PosixFilePermissions.toString(
                  ((PosixFileAttributes) dir.lstat("a.txt")).permissions()))
          .isEqualTo("rw-r-----");
      dir.force();
      assertThat(dir.attributes().fileKey())
          .isEqualTo(Files.readAttributes(root, PosixFileAttributes.class).fileKey());
    }
  }
}
