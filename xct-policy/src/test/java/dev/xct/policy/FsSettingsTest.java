package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.tools.fs.HardLinkPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code fs} section as a value: its defaults, equality and changes. */
class FsSettingsTest {
  @Test
  void theDefaultsAreWhatAFileWithoutTheSectionGets() {
    FsSettings defaults = FsSettings.defaults();

    assertThat(defaults).isEqualTo(FsSettings.builder().build());
    assertThat(defaults.deny()).isEmpty();
    assertThat(defaults.denyWrite()).isEmpty();
    assertThat(defaults.defaultDenies()).isTrue();
    assertThat(defaults.followSymlinks()).isTrue();
    assertThat(defaults.hardLinks()).isEqualTo(HardLinkPolicy.REFUSE);
    assertThat(defaults.maxReadBytes()).isEmpty();
    assertThat(defaults.maxWriteBytes()).isEmpty();
  }

  @Test
  void settingsWithTheSameValuesAreEqual() {
    FsSettings a = FsSettings.builder().deny(List.of("a/**")).maxReadBytes(10).build();
    FsSettings b = FsSettings.builder().deny(List.of("a/**")).maxReadBytes(10).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(FsSettings.defaults());
    assertThat(a.toString()).contains("a/**");
  }

  @Test
  void toBuilderKeepsEveryValueAndSettersReplaceLists() {
    FsSettings settings =
        FsSettings.builder()
            .deny(List.of("a/**"))
            .denyWrite(List.of("*.lock"))
            .defaultDenies(false)
            .followSymlinks(false)
            .hardLinks(HardLinkPolicy.ALLOW)
            .maxReadBytes(10)
            .maxWriteBytes(20)
            .build();

    assertThat(settings.toBuilder().build()).isEqualTo(settings);
    assertThat(settings.toBuilder().deny(List.of("b/**")).build().deny()).containsExactly("b/**");
  }
}
