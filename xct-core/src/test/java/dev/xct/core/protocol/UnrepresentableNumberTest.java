package dev.xct.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A number no decimal can hold is the model's mistake: it gets a specific message and a location,
 * and nothing is logged (the log is for faults of the system, not of the model).
 */
class UnrepresentableNumberTest {
  private static final ProtocolCodec CODEC = ProtocolCodec.strict();

  @ParameterizedTest
  @ValueSource(strings = {"0e999999999999", "1e-99999999999", "0.0e9999999999"})
  void aNumberWithAnImpossibleExponentIsExplainedAndNotLogged(String number) {
    Logger core = (Logger) LoggerFactory.getLogger("dev.xct.core");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    core.addAppender(logged);
    DecodeResult result;
    try {
      result =
          CODEC.decode("{\"next_step\":{\"tool\":\"t\",\"arguments\":{\"n\":" + number + "}}}");
    } finally {
      core.detachAppender(logged);
    }

    Result.Failure failure = ((DecodeResult.Invalid) result).failure();
    assertThat(failure.code()).isEqualTo(ErrorCodes.INVALID_JSON);
    assertThat(failure.message())
        .contains("a number in the reply at line 1, column")
        .contains("exponent")
        .doesNotContain("could not be read");
    assertThat(failure.details().get("line")).isPresent();
    assertThat(logged.list).isEmpty();
  }
}
