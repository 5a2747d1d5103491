package dev.xct.model.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar is an automatic module, which exports every package: so it has one package, in which only
 * the API is public, and the implementation is hidden by Java's access control.
 */
class SpringAiApiSurfaceTest {
  private static final String PACKAGE = SpringAiModelClient.class.getPackageName();

  @Test
  void everyClassIsInTheApiPackage() throws Exception {
    Path root = classes();
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(
              files
                  .filter(file -> file.toString().endsWith(".class"))
                  .map(file -> root.relativize(file.getParent()).toString())
                  .map(path -> path.replace(File.separatorChar, '.'))
                  .distinct())
          .containsExactly(PACKAGE);
    }
  }

  @Test
  void onlyTheClientAndItsOutputChoiceArePublic() throws Exception {
    assertThat(publicTypes())
        .containsExactlyInAnyOrder(SpringAiModelClient.class, StructuredOutput.class);
  }

  private static Path classes() throws Exception {
    return Path.of(
        SpringAiModelClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<Class<?>> publicTypes() throws Exception {
    try (Stream<Path> files = Files.list(classes().resolve(PACKAGE.replace('.', '/')))) {
      List<String> names =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
              .map(name -> PACKAGE + "." + name.substring(0, name.length() - ".class".length()))
              .toList();
      List<Class<?>> types = new ArrayList<>();
      for (String name : names) {
        Class<?> type = Class.forName(name);
        if (Modifier.isPublic(type.getModifiers())) {
          types.add(type);
        }
      }
      return types;
    }
  }
}
