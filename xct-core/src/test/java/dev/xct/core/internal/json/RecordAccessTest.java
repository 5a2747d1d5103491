package dev.xct.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tests run on the module path, patched into {@code dev.xct.core}: this package is neither
 * exported nor open, as a user's implementation package would be.
 */
class RecordAccessTest {
  public record Hidden(String name) {}

  record HiddenAndPackagePrivate(String name) {}

  public enum HiddenKind {
    A
  }

  public record WithHiddenEnum(HiddenKind kind) {}

  @Test
  void publicRecordInAPackageNotExportedToJacksonIsReportedWithTheDirectivesThatFixIt() {
    assertThat(RecordAccess.problem(Hidden.class))
        .isEqualTo(
            "Jackson cannot construct the argument record "
                + Hidden.class.getName()
                + ": package dev.xct.core.internal.json of module dev.xct.core is not exported to"
                + " tools.jackson.databind; add 'exports dev.xct.core.internal.json;' or 'opens"
                + " dev.xct.core.internal.json to tools.jackson.databind;' to the module-info.java"
                + " of dev.xct.core");
  }

  @Test
  void nonPublicRecordInAPackageNeitherExportedNorOpenIsToldBothWays() {
    assertThat(RecordAccess.problem(HiddenAndPackagePrivate.class))
        .endsWith(
            ": it is not public and package dev.xct.core.internal.json of module dev.xct.core is not"
                + " open to tools.jackson.databind; make it public and add 'exports"
                + " dev.xct.core.internal.json;', or add 'opens dev.xct.core.internal.json to"
                + " tools.jackson.databind;' to the module-info.java of dev.xct.core");
  }

  @Test
  void checkOpensTheMessageWithItsSubjectAndThrowsXctException() {
    assertThatThrownBy(() -> RecordAccess.check(Hidden.class, "tool 'x.y'"))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageStartingWith("tool 'x.y': Jackson cannot construct the argument record ");
  }

  @Test
  void enumsNeedNeitherExportNorOpen() {
    assertThat(RecordAccess.problem(HiddenKind.class)).isNull();
    assertThat(JsonValue.parse("\"A\"").bind(HiddenKind.class)).isEqualTo(HiddenKind.A);
  }

  @Test
  void jdkTypesAreNeverReported() {
    assertThat(RecordAccess.problem(String.class)).isNull();
    assertThat(RecordAccess.problem(Map.class)).isNull();
    assertThat(RecordAccess.problem(List.class)).isNull();
    assertThat(RecordAccess.problem(Optional.class)).isNull();
  }

  @Test
  void bindingToAnInaccessibleTypeThrowsTheCauseInsteadOfBlamingTheValue() {
    assertThatThrownBy(() -> JsonValue.parse("{\"name\":\"n\"}").bind(Hidden.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageStartingWith("cannot bind JSON to " + Hidden.class.getName() + ": Jackson")
        .hasMessageContaining("'exports dev.xct.core.internal.json;'");
  }

  /**
   * On the class path every package of the unnamed module is open: private records bind. The
   * loader's parent is the boot loader, which, unlike the platform loader, never hands the class
   * back to the module it was patched into.
   */
  @Test
  void privateRecordOfAnUnnamedModulePassesAndBinds() throws Exception {
    URL classes = ClassPathRecords.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) {
      Class<?> secret = loader.loadClass(ClassPathRecords.class.getName() + "$Secret");
      assertThat(secret.getModule().isNamed()).isFalse();

      assertThat(RecordAccess.problem(secret)).isNull();
      assertThat(JsonValue.parse("{\"name\":\"n\"}").bind(secret).toString())
          .isEqualTo("Secret[name=n]");
    }
  }
}
