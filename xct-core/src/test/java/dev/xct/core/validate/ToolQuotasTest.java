package dev.xct.core.validate;

import static dev.xct.core.validate.Contexts.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import dev.xct.core.protocol.ErrorCodes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolQuotasTest {
  private static final Validator QUOTAS = Validators.toolQuotas(Map.of("http.get", 3));

  private static Verdict check(Validator validator, String tool, int executed) {
    return validator.check(
        propose(tool), Contexts.withExecutions(Map.of(tool, executed), FakeTool.plain(tool)));
  }

  @ParameterizedTest(name = "{0} executions of a tool with quota 3: allowed={1}")
  @CsvSource({"0, true", "1, true", "2, true", "3, false", "4, false", "1000, false"})
  void aToolMayRunExactlyAsOftenAsItsQuota(int executed, boolean allowed) {
    assertThat(check(QUOTAS, "http.get", executed).allows()).isEqualTo(allowed);
  }

  @Test
  void reachingAQuotaStopsTheRunWithACodeNamingTheBudget() {
    Verdict verdict = check(QUOTAS, "http.get", 3);
    assertThat(verdict).isInstanceOf(Verdict.Stop.class);
    Verdict.Stop stop = (Verdict.Stop) verdict;
    assertThat(stop.code()).isEqualTo(ErrorCodes.TOOL_QUOTA_EXCEEDED);
    assertThat(stop.reason()).contains("http.get").contains("3");
  }

  @Test
  void toolsWithoutAQuotaAreUnlimited() {
    assertThat(check(QUOTAS, "fs.read", 1_000_000)).isSameAs(Verdict.allow());
  }

  @Test
  void quotasComeFromBudgetsToo() {
    Validator fromBudgets =
        Validators.toolQuotas(Budgets.builder().toolQuota("fs.write", 1).build());
    assertThat(check(fromBudgets, "fs.write", 0).allows()).isTrue();
    assertThat(check(fromBudgets, "fs.write", 1).allows()).isFalse();
    assertThat(Validators.toolQuotas(Budgets.defaults()).check(propose("x"), Contexts.of()))
        .isSameAs(Verdict.allow());
  }

  @Test
  void laterChangesToTheGivenMapDoNotChangeTheQuotas() {
    Map<String, Integer> quotas = new HashMap<>(Map.of("fs.write", 1));
    Validator validator = Validators.toolQuotas(quotas);
    quotas.put("fs.write", 100);
    assertThat(check(validator, "fs.write", 1).allows()).isFalse();
  }

  @ParameterizedTest(name = "quota {1} for \"{0}\" is rejected")
  @CsvSource({"fs.write, 0", "fs.write, -1", "Fs.Write, 3", "'', 3"})
  void invalidQuotasAreRejectedAtBuildTime(String tool, int quota) {
    assertThatThrownBy(() -> Validators.toolQuotas(Map.of(tool, quota)))
        .isInstanceOf(XctException.class);
  }

  @Test
  void theValidatorIsNamedToolQuotas() {
    assertThat(QUOTAS.name()).isEqualTo("tool-quotas");
  }
}
