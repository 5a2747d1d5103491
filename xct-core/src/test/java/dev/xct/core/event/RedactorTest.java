package dev.xct.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "Password",
        "db_password",
        "PASSWD",
        "passphrase",
        "client_secret",
        "secret",
        "token",
        "refresh_token",
        "X-Auth-Token",
        "api_key",
        "apiKey",
        "X-Api-Key",
        "aws_access_key",
        "private_key",
        "Authorization",
        "cookie",
        "credentials",
        "session_id"
      })
  void masksTheDefaultSecretNamesInAnySpelling(String name) {
    JsonValue value = JsonValue.parse("{\"" + name + "\":\"s3cr3t\",\"other\":1}");

    assertThat(redactor.redact(value))
        .isEqualTo(JsonValue.parse("{\"" + name + "\":\"[REDACTED]\",\"other\":1}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"max_tokens", "user", "path", "tokenizer", "secretary_name", "key"})
  void leavesOtherNamesAlone(String name) {
    JsonValue value = JsonValue.parse("{\"" + name + "\":\"visible\"}");

    assertThat(redactor.redact(value)).isSameAs(value);
  }

  @Test
  void masksNestedValuesOfAnyTypeAndLeavesTheInputUnchanged() {
    JsonValue value =
        JsonValue.parse(
            "{\"a\":[{\"token\":{\"x\":1}},{\"ok\":true}],\"b\":{\"password\":42},\"c\":\"x\"}");

    JsonValue redacted = redactor.redact(value);

    assertThat(redacted)
        .isEqualTo(
            JsonValue.parse(
                "{\"a\":[{\"token\":\"[REDACTED]\"},{\"ok\":true}],"
                    + "\"b\":{\"password\":\"[REDACTED]\"},\"c\":\"x\"}"));
    assertThat(value.toJson()).contains("42");
    assertThat(Redactor.isRedacted(redacted)).isTrue();
    assertThat(Redactor.isRedacted(value)).isFalse();
  }

  @Test
  void masksJsonTextAndKeyValuePairsInTextThatIsNotJson() {
    assertThat(redactor.redactText("{\"next_step\":{\"arguments\":{\"token\":\"t\"}}}"))
        .isEqualTo("{\"next_step\":{\"arguments\":{\"token\":\"[REDACTED]\"}}}");
    assertThat(redactor.redactText("Sure! {\"api_key\" : \"sk-1\\\"x\", \"n\":\"a\"} trailing"))
        .isEqualTo("Sure! {\"api_key\" : \"[REDACTED]\", \"n\":\"a\"} trailing");
    assertThat(redactor.redactText("no secrets {\"a\":")).isEqualTo("no secrets {\"a\":");
    assertThat(redactor.redactText("{\"next_step\":{\"arguments\":{\"password\": \"hunter"))
        .isEqualTo("{\"next_step\":{\"arguments\":{\"password\": \"[REDACTED]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"pass\\u0077ord\":\"s\"}",
        "{\"a\":{\"api_key\" \n\t : \"s\"}}",
        "{\"Session\u00a0Id\":\"s\"}",
        "{\"\u00e9\":1,\"my-Token\":\"s\"}",
        "text {\"X-API-KEY\":\"s\"} text",
        "[{\"n\":[\"password\",{\"password\":\"s\"}]}]"
      })
  void masksNamesHiddenInEscapesSpacingOrNonAsciiText(String text) {
    String redacted = redactor.redactText(text);

    assertThat(redacted).contains("[REDACTED]").doesNotContain("\"s\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"key\":\"token\"}}}",
        "{\"password_hint_shown\":true,\"note\":\"password: hunter2\"}",
        "plain prose mentioning a password",
        "{\"caf\u00e9\":\"token\"}",
        "\"unterminated"
      })
  void returnsTheSameTextWhenNoMemberNameMatches(String text) {
    assertThat(redactor.redactText(text)).isSameAs(text);
  }

  @Test
  void hugeHostileTextIsScannedWithoutBlowingTheStack() {
    String hostile = "{\"a\":\"" + "\\\"".repeat(200_000) + "\"";

    assertThat(redactor.redactText(hostile)).isEqualTo(hostile);
    assertThat(redactor.redactText("{\"a\":\"" + "x".repeat(300_000) + "\"}")).hasSize(300_008);
  }

  @Test
  void customKeysAndNone() {
    JsonValue value = JsonValue.parse("{\"ssn\":\"123\",\"password\":\"p\"}");

    assertThat(Redactor.keys("SSN").redact(value))
        .isEqualTo(JsonValue.parse("{\"ssn\":\"[REDACTED]\",\"password\":\"p\"}"));
    assertThat(Redactor.none().redact(value)).isSameAs(value);
    assertThat(Redactor.none().redactText("{\"password\":\"p\"}")).contains("\"p\"");
    assertThatThrownBy(() -> Redactor.keys()).isInstanceOf(XctException.class);
    assertThatThrownBy(() -> Redactor.keys("--")).isInstanceOf(XctException.class);
  }
}
