package dev.xct.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.validate.PolicyRule.Effect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolGlobTest {

  private static boolean allows(String glob, String tool) {
    Policy policy = Policy.builder().allow(glob).build();
    return policy.evaluate(tool, JsonValue.emptyObject()).effect() == Effect.ALLOW;
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "fs.read, fs.read, true",
    "fs.read, fs.write, false",
    "fs.read, fs.read.x, false",
    "fs.read, fs, false",
    "fs.*, fs.read, true",
    "fs.*, fs.write, true",
    "fs.*, fs, false",
    "fs.*, fsx.read, false",
    "fs.*, fs.a.b, false",
    "fs.*, xfs.read, false",
    "fs.**, fs.read, true",
    "fs.**, fs.a.b, true",
    "fs.**, fs, false",
    "fs.**, fsx.read, false",
    "k8s.**, k8s.deployments.delete, true",
    "*, fs, true",
    "*, fs.read, false",
    "**, fs, true",
    "**, k8s.deployments.delete, true",
    "*.read, fs.read, true",
    "*.read, a.b.read, false",
    "**.read, a.b.read, true",
    "**.read, read, false",
    "**.delete, k8s.deployments.delete, true",
    "k8s.**.delete, k8s.pods.delete, true",
    "k8s.**.delete, k8s.a.b.delete, true",
    "k8s.**.delete, k8s.delete, false",
    "k8s.*.delete, k8s.a.b.delete, false",
    "fs*, fs, true",
    "fs*, fsx, true",
    "fs*, fs.read, false",
    "fs.re*, fs.read, true",
    "fs.*ad, fs.read, true",
    "fs.*ad, fs.write, false",
    "fs.*e*, fs.delete, true",
  })
  void toolGlobsMatchWholeNamesWithStarInsideOneSegment(String glob, String tool, boolean matches) {
    assertThat(allows(glob, tool)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "tool {0} is matched only by **")
  @ValueSource(
      strings = {"FS.READ", "fs/read", "fs read", "", "rm -rf /", "fs..read", ".fs", "ünïcode"})
  void namesOutsideTheToolAlphabetAreMatchedOnlyByPatternsThatCoverThem(String tool) {
    assertThat(allows("**", tool)).isTrue();
    assertThat(allows("fs.read", tool)).isFalse();
    assertThat(allows("fs.*", tool)).isFalse();
  }

  @ParameterizedTest(name = "glob \"{0}\" is rejected")
  @ValueSource(
      strings = {"", "fs.", ".fs", "fs..read", "FS.read", "fs/read", "fs.***", "fs.?", " "})
  void malformedToolGlobsAreRejectedAtBuildTime(String glob) {
    assertThatThrownBy(() -> PolicyRule.allow(glob))
        .isInstanceOf(XctException.class)
        .hasMessageContaining(glob);
  }

  @Test
  void matchingAVeryLongHostileNameStaysFast() {
    String glob = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
    String tool = "a".repeat(20_000);
    long start = System.nanoTime();
    assertThat(allows(glob, tool)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }
}
