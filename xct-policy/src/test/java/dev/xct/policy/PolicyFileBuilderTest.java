package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.PolicyRule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building, and changing a loaded file, through {@link PolicyFileBuilder}. */
class PolicyFileBuilderTest {
  private static final String EVERY_FIELD =
      """
      version: 1
      description: every field set
      roots:
        - path: .
          access: read-write
        - path: /var/log
      tools: ["fs.*", "shell.exec"]
      rules:
        - id: reads
          allow: fs.read
        - ask: shell.exec
      approval: ask-rules
      budgets: { max_steps: 7, max_duration: 90s }
      tool_timeout: 5s
      max_reply_chars: 4096
      fs:
        deny: ["secrets/**"]
        deny_write: ["*.lock"]
        default_denies: false
        follow_symlinks: false
        hard_links: refuse-writes
        max_read_bytes: 4096
        max_write_bytes: 2048
      shell:
        sandbox: bubblewrap
        network: true
        read_only_paths: [/etc/maven]
        timeout: 10s
        max_timeout: 1m
        max_output_bytes: 1000
        programs:
          - preset: git
      """;

  @Test
  void theBuilderStartsFromTheSmallestValidFile() {
    PolicyFile built = PolicyFile.builder().build();

    assertThat(built).isEqualTo(PolicyFile.parse("version: 1\ntools: []\nrules: []\n", "p", false));
    assertThat(built.hashCode())
        .isEqualTo(PolicyFile.parse("version: 1\ntools: []\nrules: []\n", "p", false).hashCode());
    assertThat(built.version()).isEqualTo(1);
  }

  @Test
  void toBuilderRebuildsAnEqualFileFromEveryField() {
    PolicyFile loaded = PolicyFile.parse(EVERY_FIELD, "p.yaml", false);

    PolicyFile rebuilt = loaded.toBuilder().build();

    assertThat(rebuilt).isEqualTo(loaded).hasSameHashCodeAs(loaded);
    assertThat(rebuilt.toString()).isEqualTo(loaded.toString());
    assertThat(rebuilt.fs().toBuilder().build()).isEqualTo(loaded.fs());
    assertThat(rebuilt.shell().orElseThrow().toBuilder().build()).isEqualTo(loaded.shell().get());
  }

  @Test
  void toBuilderChangesOnlyWhatIsSetAndListsAreReplaced() {
    PolicyFile loaded = PolicyFile.parse(EVERY_FIELD, "p.yaml", false);

    PolicyFile changed =
        loaded.toBuilder().roots(List.of(new Root("/srv", Root.Access.READ_ONLY))).build();

    assertThat(changed.roots()).containsExactly(new Root("/srv", Root.Access.READ_ONLY));
    assertThat(changed).isNotEqualTo(loaded);
    assertThat(changed.toBuilder().roots(loaded.roots()).build()).isEqualTo(loaded);
  }

  @Test
  void aBuiltFileOffersTheToolsItsGlobsName() {
    PolicyFile file =
        PolicyFile.builder()
            .tools(List.of("fs.*", "k8s.**"))
            .policy(Policy.of(List.of(PolicyRule.allow("fs.read"))))
            .approval(ApprovalMode.ASK_RULES)
            .budgets(Budgets.builder().maxSteps(3).build())
            .build();

    assertThat(file.offers("fs.read")).isTrue();
    assertThat(file.offers("k8s.deployments.delete")).isTrue();
    assertThat(file.offers("shell.exec")).isFalse();
    assertThat(file.budgets().maxSteps()).isEqualTo(3);
  }

  @Test
  void theBuiltFileDoesNotChangeWithItsBuilder() {
    PolicyFileBuilder builder = PolicyFile.builder().tools(List.of("fs.read"));
    PolicyFile first = builder.build();

    builder.tools(List.of("shell.exec")).description("later");

    assertThat(first.tools()).containsExactly("fs.read");
    assertThat(first.description()).isEmpty();
    assertThat(builder.build().tools()).containsExactly("shell.exec");
  }

  @Test
  void theBuilderRefusesWhatCodeCanGetWrong() {
    assertThatThrownBy(() -> PolicyFile.builder().tools(List.of("FS.read")).build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("FS.read");
    assertThatThrownBy(() -> PolicyFile.builder().maxReplyChars(0))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("maxReplyChars");
    assertThatThrownBy(() -> PolicyFile.builder().toolTimeout(Duration.ZERO))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("toolTimeout");
    assertThatThrownBy(() -> FsSettings.builder().maxReadBytes(-1))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("maxReadBytes");
    assertThatThrownBy(() -> PolicyFile.builder().policy(null))
        .isInstanceOf(NullPointerException.class);
  }
}
