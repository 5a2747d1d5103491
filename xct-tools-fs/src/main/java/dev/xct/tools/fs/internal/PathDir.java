package dev.xct.tools.fs.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Dir} by path, for platforms without a secure directory stream: each name is checked
 * without following links just before use, and files are opened with {@code NOFOLLOW_LINKS}. A
 * directory swapped for a link between that check and the call is not caught here, which is why
 * {@code docs/security.md} calls the guarantee weaker off Linux.
 */
final class PathDir implements Dir {
  private static final Logger LOG = LoggerFactory.getLogger(PathDir.class);
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private final Path path;

  PathDir(Path path) {
    this.path = path;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public boolean secure() {
    return false;
  }

  @Override
  public BasicFileAttributes lstat(String name) throws IOException {
    Path file = path.resolve(name);
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.readAttributes(file, PosixFileAttributes.class, NOFOLLOW);
    }
    return Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW);
  }

  @Override
  public BasicFileAttributes attributes() throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
  }

  @Override
  public Dir open(String name) throws IOException {
    BasicFileAttributes attributes = lstat(name);
    if (attributes.isSymbolicLink()) {
      throw new FileSystemException(name, null, "Too many levels of symbolic links");
    }
    if (!attributes.isDirectory()) {
      throw new java.nio.file.NotDirectoryException(name);
    }
    return new PathDir(path.resolve(name));
  }

  @Override
  public SeekableByteChannel channel(String name, Set<? extends OpenOption> options)
      throws IOException {
    Set<OpenOption> all = new HashSet<>(options);
    all.add(LinkOption.NOFOLLOW_LINKS);
    return Files.newByteChannel(path.resolve(name), all);
  }

  @Override
  public SeekableByteChannel create(String name, Set<PosixFilePermission> permissions)
      throws IOException {
    Set<OpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    if (permissions == null) {
      return Files.newByteChannel(path.resolve(name), options);
    }
    return Files.newByteChannel(
        path.resolve(name), options, PosixFilePermissions.asFileAttribute(permissions));
  }

  @Override
  public void force() throws IOException {
    try (FileChannel self = FileChannel.open(path, StandardOpenOption.READ)) {
      self.force(true);
    } catch (AccessDeniedException e) {
      // Windows cannot open a directory as a file; NTFS journals the rename itself.
      LOG.debug("cannot force directory {}", path, e);
    }
  }

  @Override
  public void deleteFile(String name) throws IOException {
    if (lstat(name).isDirectory()) {
      throw new FileSystemException(name, null, "Is a directory");
    }
    Files.delete(path.resolve(name));
  }

  @Override
  public void deleteDirectory(String name) throws IOException {
    if (!lstat(name).isDirectory()) {
      throw new java.nio.file.NotDirectoryException(name);
    }
    Files.delete(path.resolve(name));
  }

  @Override
  public void move(String name, Dir target, String targetName) throws IOException {
    Files.move(
        path.resolve(name), target.path().resolve(targetName), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
      for (Path entry : stream) {
        names.add(entry.getFileName().toString());
      }
    }
    names.sort(null);
    return names;
  }

  @Override
  public Set<PosixFilePermission> permissions(String name) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(path.resolve(name), PosixFileAttributeView.class, NOFOLLOW);
    return view == null ? null : view.readAttributes().permissions();
  }

  @Override
  public void setPermissions(String name, Set<PosixFilePermission> permissions) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(path.resolve(name), PosixFileAttributeView.class, NOFOLLOW);
    if (view != null && permissions != null) {
      view.setPermissions(permissions);
    }
  }

  @Override
  public void close() {
    // Nothing is held open.
  }
}
