package dev.xct.tools.fs.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A {@link Dir} on a {@link SecureDirectoryStream}: every call is relative to the open fd. */
final class SecureDir implements Dir {
  private static final Set<OpenOption> CREATE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  private static final Set<OpenOption> SELF =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  private final SecureDirectoryStream<Path> stream;
  private final Path path;

  SecureDir(SecureDirectoryStream<Path> stream, Path path) {
    this.stream = stream;
    this.path = path;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public boolean secure() {
    return true;
  }

  @Override
  public BasicFileAttributes lstat(String name) throws IOException {
    PosixFileAttributeView posix = posix(name);
    if (posix != null) {
      return posix.readAttributes();
    }
    return stream
        .getFileAttributeView(
            Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .readAttributes();
  }

  @Override
  public BasicFileAttributes attributes() throws IOException {
    return stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
  }

  @Override
  public Dir open(String name) throws IOException {
    SecureDirectoryStream<Path> child =
        stream.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
    return new SecureDir(child, path.resolve(name));
  }

  @Override
  public SeekableByteChannel channel(String name, Set<? extends OpenOption> options)
      throws IOException {
    Set<OpenOption> all = new HashSet<>(options);
    all.add(LinkOption.NOFOLLOW_LINKS);
    return stream.newByteChannel(Path.of(name), all);
  }

  @Override
  public SeekableByteChannel create(String name, Set<PosixFilePermission> permissions)
      throws IOException {
    if (permissions == null) {
      return stream.newByteChannel(Path.of(name), CREATE);
    }
    return stream.newByteChannel(
        Path.of(name), CREATE, PosixFilePermissions.asFileAttribute(permissions));
  }

  @Override
  public void force() throws IOException {
    try (SeekableByteChannel self = stream.newByteChannel(Path.of("."), SELF)) {
      if (self instanceof FileChannel channel) {
        channel.force(true);
      }
    }
  }

  @Override
  public void deleteFile(String name) throws IOException {
    stream.deleteFile(Path.of(name));
  }

  @Override
  public void deleteDirectory(String name) throws IOException {
    stream.deleteDirectory(Path.of(name));
  }

  @Override
  public void move(String name, Dir target, String targetName) throws IOException {
    if (!(target instanceof SecureDir other)) {
      throw new NotDirectoryException(targetName);
    }
    stream.move(Path.of(name), other.stream, Path.of(targetName));
  }

  @Override
  public List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path entry : stream) {
      names.add(entry.getFileName().toString());
    }
    names.sort(null);
    return names;
  }

  @Override
  public Set<PosixFilePermission> permissions(String name) throws IOException {
    PosixFileAttributeView view = posix(name);
    return view == null ? null : view.readAttributes().permissions();
  }

  @Override
  public void setPermissions(String name, Set<PosixFilePermission> permissions) throws IOException {
    PosixFileAttributeView view = posix(name);
    if (view != null && permissions != null) {
      view.setPermissions(permissions);
    }
  }

  private PosixFileAttributeView posix(String name) {
    return stream.getFileAttributeView(
        Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }

  /** Wraps {@code stream} if it is secure, or returns null. */
  static Dir wrap(DirectoryStream<Path> stream, Path path) {
    if (stream instanceof SecureDirectoryStream<Path> secure) {
      return new SecureDir(secure, path);
    }
    return null;
  }
}
