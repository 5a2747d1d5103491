package dev.xct.core.protocol;

import static dev.xct.core.protocol.ProtocolTable.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec's configuration, limits and decoding guarantees beyond the protocol table. */
class ProtocolCodecTest {
  private static final String DONE = q("{'done':true,'message':'ok'}");

  @Test
  void strictCodecUsesTheDocumentedDefaults() {
    ProtocolCodec strict = ProtocolCodec.strict();

    assertThat(strict.maxChars()).isEqualTo(ProtocolCodec.DEFAULT_MAX_CHARS).isEqualTo(262_144);
    assertThat(strict.maxDepth()).isEqualTo(ProtocolCodec.DEFAULT_MAX_DEPTH).isEqualTo(64);
    assertThat(strict.stripsCodeFence()).isFalse();
    assertThat(ProtocolCodec.strict()).isSameAs(strict);
    assertThat(ProtocolCodec.builder().build().toString()).isEqualTo(strict.toString());
  }

  @ParameterizedTest(name = "maxChars {0}")
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void builderRejectsANonPositiveSizeLimit(int maxChars) {
    assertThatThrownBy(() -> ProtocolCodec.builder().maxChars(maxChars))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("maxChars")
        .hasMessageContaining(String.valueOf(maxChars));
  }

  @ParameterizedTest(name = "maxDepth {0}")
  @ValueSource(ints = {-1, 0, 2, 1001, Integer.MAX_VALUE})
  void builderRejectsADepthLimitOutsideThreeToOneThousand(int maxDepth) {
    assertThatThrownBy(() -> ProtocolCodec.builder().maxDepth(maxDepth))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("maxDepth must be between 3 and 1000")
        .hasMessageContaining(String.valueOf(maxDepth));
  }

  @Test
  void builderAcceptsTheExtremeLimits() {
    ProtocolCodec smallest = ProtocolCodec.builder().maxChars(1).maxDepth(3).build();
    ProtocolCodec largest =
        ProtocolCodec.builder().maxChars(Integer.MAX_VALUE).maxDepth(1000).build();

    assertThat(smallest.decode("{}")).isInstanceOf(DecodeResult.Invalid.class);
    assertThat(smallest.maxChars()).isEqualTo(1);
    assertThat(largest.maxDepth()).isEqualTo(1000);
    assertThat(largest.decode(DONE)).isEqualTo(new DecodeResult.Valid(Decision.done("ok")));
  }

  @Test
  void builtCodecIgnoresLaterBuilderChangesAndToBuilderCopiesSettings() {
    ProtocolCodec.Builder builder = ProtocolCodec.builder().maxChars(100).maxDepth(5);
    ProtocolCodec codec = builder.build();
    builder.maxChars(50).stripCodeFence(true);

    assertThat(codec.maxChars()).isEqualTo(100);
    assertThat(codec.stripsCodeFence()).isFalse();
    ProtocolCodec copy = codec.toBuilder().build();
    assertThat(copy.toString())
        .isEqualTo(codec.toString())
        .isEqualTo("ProtocolCodec[maxChars=100, maxDepth=5, stripCodeFence=false]");
  }

  /** docs/protocol.md: REPLY_TOO_LARGE is also a number too long, in a reply of any size. */
  @Test
  void aThousandAndOneDigitNumberIsReplyTooLargeWithTheLimitAndAskedForAsAString() {
    String reply = q("{'next_step':{'tool':'t','arguments':{'n':") + "9".repeat(1001) + "}}}";

    Result.Failure failure = failure(ProtocolCodec.strict().decode(reply));

    assertThat(reply.length()).isLessThan(ProtocolCodec.DEFAULT_MAX_CHARS);
    assertThat(failure.code()).isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
    assertThat(failure.details().toJson()).isEqualTo("{\"limit\":1000}");
    assertThat(failure.message()).contains("longer than 1000 characters", "as strings");
  }

  @Test
  void failureDetailsListTheirMembersSortedByName() {
    ProtocolCodec codec = ProtocolCodec.strict();

    assertThat(failure(codec.decode(q("{'done':true,\n  'done':true}"))).details().toJson())
        .isEqualTo(q("{'column':9,'key':'done','line':2}"));
    assertThat(failure(codec.decode(q("{'done':true} x"))).details().toJson())
        .isEqualTo(q("{'column':14,'line':1}"));
    assertThat(failure(codec.decode(q("{'done':tru"))).details().toJson())
        .isEqualTo(q("{'column':9,'line':1}"));
  }

  @Test
  void nullReplyIsEmptyNotAnException() {
    assertThat(code(ProtocolCodec.strict().decode(null))).isEqualTo(ErrorCodes.EMPTY_REPLY);
  }

  @Test
  void sizeLimitIsExactInCharacters() {
    String reply = q("{'done':true,'message':'") + "x".repeat(20) + q("'}");
    ProtocolCodec exact = ProtocolCodec.builder().maxChars(reply.length()).build();
    ProtocolCodec oneShort = ProtocolCodec.builder().maxChars(reply.length() - 1).build();

    assertThat(exact.decode(reply)).isInstanceOf(DecodeResult.Valid.class);
    Result.Failure failure = failure(oneShort.decode(reply));
    assertThat(failure.code()).isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
    // Text, not JSON equality: details must encode identically in every JVM run.
    assertThat(failure.details().toJson())
        .startsWith(
            "{\"length\":"
                + reply.length()
                + ",\"limit\":"
                + (reply.length() - 1)
                + ",\"recorded_chars\":"
                + reply.length()
                + ",\"sha256\":\"")
        .matches(".*\"[0-9a-f]{64}\"}");
  }

  @Test
  void depthLimitIsExactAndReportedAsTooDeepNotInvalidJson() {
    ProtocolCodec codec = ProtocolCodec.builder().maxDepth(10).build();
    String atLimit = ProtocolTable.withArgs("{'a':" + ProtocolTable.nested(7, "[", "]", "") + "}");
    String overLimit =
        ProtocolTable.withArgs("{'a':" + ProtocolTable.nested(8, "[", "]", "") + "}");

    assertThat(codec.decode(atLimit)).isInstanceOf(DecodeResult.Valid.class);
    Result.Failure failure = failure(codec.decode(overLimit));
    assertThat(failure.code()).isEqualTo(ErrorCodes.REPLY_TOO_DEEP);
    assertThat(failure.details()).isEqualTo(JsonValue.parse("{\"limit\":10}"));
  }

  @Test
  void smallestDepthLimitStillAcceptsEmptyArguments() {
    ProtocolCodec codec = ProtocolCodec.builder().maxDepth(3).build();

    assertThat(codec.decode(ProtocolTable.withArgs("{}"))).isInstanceOf(DecodeResult.Valid.class);
    assertThat(code(codec.decode(ProtocolTable.withArgs("{'a':[]}"))))
        .isEqualTo(ErrorCodes.REPLY_TOO_DEEP);
  }

  @Test
  void largestDepthLimitDecodesAThousandLevelsAndStopsOneLater() {
    ProtocolCodec codec = ProtocolCodec.builder().maxDepth(1000).build();

    assertThat(codec.decode(ProtocolTable.withArgs(ProtocolTable.nested(997, "{'a':", "}", "{}"))))
        .isInstanceOf(DecodeResult.Valid.class);
    assertThat(
            code(
                codec.decode(
                    ProtocolTable.withArgs(ProtocolTable.nested(998, "{'a':", "}", "{}")))))
        .isEqualTo(ErrorCodes.REPLY_TOO_DEEP);
    assertThat(code(codec.decode("[".repeat(200_000)))).isEqualTo(ErrorCodes.REPLY_TOO_DEEP);
  }

  @Test
  void hugeStringsAreBoundedByTheSizeLimitWhateverTheirShape() {
    ProtocolCodec codec = ProtocolCodec.builder().maxChars(4096).build();
    String big = "x".repeat(5000);

    assertThat(code(codec.decode(ProtocolTable.withArgs("{'s':'" + big + "'}"))))
        .isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
    assertThat(code(codec.decode(ProtocolTable.withArgs("{'" + big + "':1}"))))
        .isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
    assertThat(code(codec.decode("\"" + big))).isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
  }

  @Test
  void hugeNumbersAreBoundedEvenUnderALargeSizeLimit() {
    ProtocolCodec codec = ProtocolCodec.builder().maxChars(10_000_000).build();
    String digits = "7".repeat(1_000_000);

    Result.Failure failure = failure(codec.decode(ProtocolTable.withArgs("{'n':" + digits + "}")));
    assertThat(failure.code()).isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
    assertThat(failure.message()).contains("number").contains("1000");
    assertThat(code(codec.decode(ProtocolTable.withArgs("{'n':1e" + digits + "}"))))
        .isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
  }

  @Test
  void bigIntegersInArgumentsArePreservedExactly() {
    String big = "-98765432109876543210987654321098765432109876543210";
    Decision decision = decision(ProtocolTable.withArgs("{'n':" + big + ",'f':0.1}"));
    Decision.Proposal proposal = (Decision.Proposal) decision;

    assertThat(proposal.arguments().toNode().get("n").bigIntegerValue())
        .isEqualTo(new java.math.BigInteger(big));
    assertThat(proposal.arguments().toJson()).isEqualTo("{\"n\":" + big + ",\"f\":0.1}");
  }

  @Test
  void decodedArgumentsEqualTheSameJsonParsedElsewhereWhateverTheMemberOrder() {
    Decision decoded = decision(ProtocolTable.withArgs("{'b':[1,2.5,'x'],'a':{'n':null}}"));
    Decision built =
        Decision.propose("t", JsonValue.parse(q("{'a':{'n':null},'b':[1,2.5,'x']}")), "");

    assertThat(decoded).isEqualTo(built).hasSameHashCodeAs(built);
  }

  @Test
  void mutatingTheNodeOfDecodedArgumentsDoesNotChangeTheDecision() {
    String reply = ProtocolTable.withArgs("{'path':'a.txt','list':[1]}");
    Decision.Proposal proposal = (Decision.Proposal) decision(reply);

    tools.jackson.databind.node.ObjectNode node =
        (tools.jackson.databind.node.ObjectNode) proposal.arguments().toNode();
    node.put("path", "/etc/passwd");
    ((tools.jackson.databind.node.ArrayNode) node.get("list")).add(2);
    node.putObject("extra");

    assertThat(proposal.arguments().toJson()).isEqualTo(q("{'path':'a.txt','list':[1]}"));
    assertThat(proposal).isEqualTo(decision(reply));
  }

  @Test
  void decodingIsStatelessAcrossCalls() {
    ProtocolCodec codec = ProtocolCodec.strict();
    DecodeResult first = codec.decode(DONE);
    codec.decode(q("{'done':true,'done':true}"));
    codec.decode("[".repeat(500));
    codec.decode(q("{'done':tru"));

    assertThat(codec.decode(DONE)).isEqualTo(first);
  }

  private static Decision decision(String reply) {
    DecodeResult result = ProtocolCodec.strict().decode(reply);
    assertThat(result).isInstanceOf(DecodeResult.Valid.class);
    return ((DecodeResult.Valid) result).decision();
  }

  static Result.Failure failure(DecodeResult result) {
    assertThat(result).isInstanceOf(DecodeResult.Invalid.class);
    return ((DecodeResult.Invalid) result).failure();
  }

  static String code(DecodeResult result) {
    return failure(result).code();
  }
}
