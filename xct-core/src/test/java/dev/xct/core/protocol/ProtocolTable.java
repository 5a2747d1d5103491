package dev.xct.core.protocol;

import static dev.xct.core.protocol.ErrorCodes.DUPLICATE_KEY;
import static dev.xct.core.protocol.ErrorCodes.EMPTY_REPLY;
import static dev.xct.core.protocol.ErrorCodes.INVALID_JSON;
import static dev.xct.core.protocol.ErrorCodes.INVALID_REPLY;
import static dev.xct.core.protocol.ErrorCodes.REPLY_TOO_DEEP;
import static dev.xct.core.protocol.ErrorCodes.REPLY_TOO_LARGE;

import dev.xct.core.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The protocol table: malformed and edge-case replies with their exact expected outcome, either a
 * decision or an error code, for the strict default codec. Cases the reply schema cannot express
 * are marked parse-level; every other case is also a schema case (codec accepts ⇔ schema accepts).
 */
final class ProtocolTable {
  /** The six codes the codec may return. */
  static final Set<String> PROTOCOL_CODES =
      Set.of(
          EMPTY_REPLY, REPLY_TOO_LARGE, REPLY_TOO_DEEP, INVALID_JSON, DUPLICATE_KEY, INVALID_REPLY);

  /** The codes only a parser can produce; INVALID_REPLY is the one the schema shares. */
  static final Set<String> PARSE_LEVEL_CODES =
      Set.of(EMPTY_REPLY, REPLY_TOO_LARGE, REPLY_TOO_DEEP, INVALID_JSON, DUPLICATE_KEY);

  /**
   * One row.
   *
   * @param decision the expected decision, or null when the reply must be rejected
   * @param code the expected error code, or null when the reply must be accepted
   * @param parseLevel whether the schema cannot express the rule (the reply is not parse-clean)
   */
  record Case(String name, String reply, Decision decision, String code, boolean parseLevel) {
    boolean accepted() {
      return decision != null;
    }

    @Override
    public String toString() {
      String outcome = accepted() ? "accepted" : code;
      return (parseLevel ? "[parse-level] " : "") + name + " → " + outcome;
    }
  }

  private static final String ARGS = "{'path':'a.txt'}";
  private static final Decision READ =
      Decision.propose("fs.read", JsonValue.parse(q(ARGS)), "read it");
  private static final String READ_REPLY =
      q("{'next_step':{'tool':'fs.read','arguments':" + ARGS + ",'goal':'read it'}}");
  private static final String DONE_REPLY = q("{'done':true,'message':'all good'}");

  private ProtocolTable() {}

  /** Replaces single quotes by double quotes, so JSON reads well in Java source. */
  static String q(String json) {
    return json.replace('\'', '"');
  }

  static String step(String stepMembers) {
    return q("{'next_step':{" + stepMembers + "}}");
  }

  static String withArgs(String arguments) {
    return q("{'next_step':{'tool':'t','arguments':" + arguments + "}}");
  }

  static String nested(int levels, String open, String close, String core) {
    return open.repeat(levels) + core + close.repeat(levels);
  }

  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    all.addAll(accepted());
    all.addAll(shapeErrors());
    all.addAll(parseLevel());
    return all;
  }

  static List<Case> accepted() {
    String bigInt = "123456789012345678901234567890123456789";
    String thousandDigits = "9".repeat(ProtocolCodec.MAX_NUMBER_LENGTH);
    String bigIntDigits = "9".repeat(300);
    String atDepthLimit = nested(ProtocolCodec.DEFAULT_MAX_DEPTH - 3, "[", "]", "1");
    String tool200 = "t".repeat(ProtocolCodec.MAX_TOOL_NAME_LENGTH);
    String emoji200 = "\uD83D\uDE00".repeat(ProtocolCodec.MAX_TOOL_NAME_LENGTH);
    String longKey = "k".repeat(10_000);
    String longValue = "v".repeat(100_000);
    return List.of(
        ok("a full proposal", READ_REPLY, READ),
        ok(
            "a proposal without goal",
            step("'tool':'fs.read','arguments':" + ARGS),
            Decision.propose("fs.read", JsonValue.parse(q(ARGS)), "")),
        ok("empty arguments", step("'tool':'t','arguments':{}"), propose("t", "{}", "")),
        ok("an empty goal", step("'tool':'t','arguments':{},'goal':''"), propose("t", "{}", "")),
        ok("done with a message", DONE_REPLY, Decision.done("all good")),
        ok("done without a message", q("{'done':true}"), Decision.done("")),
        ok("done with an empty message", q("{'done':true,'message':''}"), Decision.done("")),
        ok("surrounding JSON white space", " \t\r\n" + READ_REPLY + "\r\n\t ", READ),
        ok("one leading byte order mark", "\uFEFF" + READ_REPLY, READ),
        ok(
            "pretty-printed across lines",
            q("{\n  'done': true,\n  'message': 'all good'\n}\n"),
            Decision.done("all good")),
        ok(
            "members in reverse order",
            step("'goal':'read it','arguments':" + ARGS + ",'tool':'fs.read'"),
            READ),
        ok(
            "done members in reverse order",
            q("{'message':'all good','done':true}"),
            done("all good")),
        ok(
            "big integers in arguments kept exactly",
            withArgs("{'n':" + bigInt + ",'m':-" + bigInt + "}"),
            propose("t", "{'n':" + bigInt + ",'m':-" + bigInt + "}", "")),
        ok(
            "a 300-digit integer kept exactly",
            withArgs("{'n':" + bigIntDigits + "}"),
            propose("t", "{'n':" + bigIntDigits + "}", "")),
        ok(
            "a 1000-character fraction within the double range",
            withArgs("{'n':0." + thousandDigits.substring(2) + "}"),
            propose("t", "{'n':0." + thousandDigits.substring(2) + "}", "")),
        ok(
            "negative zero integer and float",
            withArgs("{'i':-0,'f':-0.0}"),
            propose("t", "{'i':-0,'f':-0.0}", "")),
        ok(
            "largest double and an underflowing exponent",
            withArgs("{'max':1.7976931348623157e308,'tiny':1e-999,'e':2E+3}"),
            propose("t", "{'max':1.7976931348623157e308,'tiny':1e-999,'e':2E+3}", "")),
        ok(
            "arguments nested exactly to the depth limit",
            withArgs("{'a':" + atDepthLimit + "}"),
            propose("t", "{'a':" + atDepthLimit + "}", "")),
        ok(
            "unicode text, escaped and raw",
            withArgs("{'s':'h\\u00e9llo \u00e9 \u4e2d \uD83D\uDE00 \\ud83d\\ude00'}"),
            propose("t", "{'s':'h\u00e9llo \u00e9 \u4e2d \uD83D\uDE00 \uD83D\uDE00'}", "")),
        ok(
            "escaped control characters in a string",
            withArgs("{'s':'a\\u0000b\\n\\t\\u001f'}"),
            propose("t", "{'s':'a\\u0000b\\n\\t\\u001f'}", "")),
        ok(
            "a tool name outside ToolSpec's pattern is left to UNKNOWN_TOOL",
            step("'tool':'Fs Write!','arguments':{}"),
            propose("Fs Write!", "{}", "")),
        ok(
            "a tool name padded with spaces is not blank",
            step("'tool':' fs.read ','arguments':{}"),
            propose(" fs.read ", "{}", "")),
        ok(
            "a no-break space is not Java white space",
            step("'tool':'\u00a0','arguments':{}"),
            propose("\u00a0", "{}", "")),
        ok(
            "a tool name of exactly 200 characters",
            step("'tool':'" + tool200 + "','arguments':{}"),
            propose(tool200, "{}", "")),
        ok(
            "a tool name of 200 emoji (400 UTF-16 units)",
            step("'tool':'" + emoji200 + "','arguments':{}"),
            propose(emoji200, "{}", "")),
        ok(
            "protocol member names inside arguments",
            withArgs("{'next_step':{'done':true},'done':false,'tool':null}"),
            propose("t", "{'next_step':{'done':true},'done':false,'tool':null}", "")),
        ok(
            "nulls, arrays and booleans inside arguments",
            withArgs("{'a':null,'b':[1,'x',true,null,{}],'c':false}"),
            propose("t", "{'a':null,'b':[1,'x',true,null,{}],'c':false}", "")),
        ok(
            "a message with quotes, backslashes and new lines",
            q("{'done':true,'message':'said \\'hi\\' \\\\ then\\nleft'}"),
            Decision.done("said \"hi\" \\ then\nleft")),
        ok(
            "a goal that itself holds JSON text",
            step("'tool':'t','arguments':{},'goal':'{\\'done\\':true}'"),
            propose("t", "{}", "{\"done\":true}")),
        ok(
            "a 10,000-character key inside arguments",
            withArgs("{'" + longKey + "':1}"),
            propose("t", "{'" + longKey + "':1}", "")),
        ok(
            "a 100,000-character string inside arguments",
            withArgs("{'s':'" + longValue + "'}"),
            propose("t", "{'s':'" + longValue + "'}", "")));
  }

  static List<Case> shapeErrors() {
    return List.of(
        shape("an empty object", "{}"),
        shape("an empty array", "[]"),
        shape("an array holding a valid reply", "[" + DONE_REPLY + "]"),
        shape("two replies in an array", "[" + DONE_REPLY + "," + READ_REPLY + "]"),
        shape("null", "null"),
        shape("a JSON string holding the object", q("'{\\'done\\':true}'")),
        shape("a number", "42"),
        shape("a boolean", "true"),
        shape(
            "both next_step and done", q("{'done':true,'next_step':{'tool':'t','arguments':{}}}")),
        shape("done next to a null next_step", q("{'done':true,'next_step':null}")),
        shape("an unknown member next to next_step", q("{'thought':'hmm','next_step':{}}")),
        shape(
            "an unknown member after a valid next_step",
            q("{'next_step':{'tool':'t','arguments':{}},'thought':'hmm'}")),
        shape("an unknown member next to done", q("{'done':true,'reason':'x'}")),
        shape("neither next_step nor done", q("{'action':'fs.read'}")),
        shape("a flattened proposal", q("{'tool':'t','arguments':{}}")),
        shape("capitalised member names", q("{'Done':true}")),
        shape("next_step null", q("{'next_step':null}")),
        shape("next_step an array", q("{'next_step':[{'tool':'t','arguments':{}}]}")),
        shape("next_step a string", q("{'next_step':'fs.read'}")),
        shape("an unknown member in next_step", step("'tool':'t','arguments':{},'args':{}")),
        shape("a tool input beside arguments", step("'tool':'t','arguments':{},'path':'a'")),
        shape("tool missing", step("'arguments':{}")),
        shape("tool null", step("'tool':null,'arguments':{}")),
        shape("tool a number", step("'tool':7,'arguments':{}")),
        shape("tool an object", step("'tool':{'name':'t'},'arguments':{}")),
        shape("tool empty", step("'tool':'','arguments':{}")),
        shape("tool only spaces", step("'tool':'   ','arguments':{}")),
        shape("tool only escaped white space", step("'tool':'\\t\\n\\r','arguments':{}")),
        shape("tool only an em space", step("'tool':'\u2003','arguments':{}")),
        shape("tool only a file separator", step("'tool':'\\u001c','arguments':{}")),
        shape(
            "a tool name of 201 characters",
            step("'tool':'" + "t".repeat(201) + "','arguments':{}")),
        shape(
            "a tool name of 201 emoji",
            step("'tool':'" + "\uD83D\uDE00".repeat(201) + "','arguments':{}")),
        shape("arguments missing", step("'tool':'t'")),
        shape("arguments null", step("'tool':'t','arguments':null")),
        shape("arguments an array", step("'tool':'t','arguments':['a.txt']")),
        shape("arguments a string holding JSON", step("'tool':'t','arguments':'{}'")),
        shape("arguments a number", step("'tool':'t','arguments':1")),
        shape("goal null", step("'tool':'t','arguments':{},'goal':null")),
        shape("goal a number", step("'tool':'t','arguments':{},'goal':1")),
        shape("goal an object", step("'tool':'t','arguments':{},'goal':{}")),
        shape("done the string true", q("{'done':'true'}")),
        shape("done false", q("{'done':false}")),
        shape("done false with a message", q("{'done':false,'message':'not yet'}")),
        shape("done the number 1", q("{'done':1}")),
        shape("done null", q("{'done':null}")),
        shape("done an array", q("{'done':[true]}")),
        shape("message null", q("{'done':true,'message':null}")),
        shape("message a number", q("{'done':true,'message':3}")),
        shape("message an object", q("{'done':true,'message':{'text':'x'}}")),
        shape("a 10,000-character unknown member", q("{'" + "k".repeat(10_000) + "':1}")),
        shape(
            "a 10,000-character tool name",
            step("'tool':'" + "t".repeat(10_000) + "','arguments':{}")));
  }

  static List<Case> parseLevel() {
    String deep = nested(ProtocolCodec.DEFAULT_MAX_DEPTH - 2, "[", "]", "1");
    return List.of(
        parse("the empty string", "", EMPTY_REPLY),
        parse("only white space", " \n\t\r ", EMPTY_REPLY),
        parse("only a byte order mark", "\uFEFF", EMPTY_REPLY),
        parse("two byte order marks", "\uFEFF\uFEFF" + DONE_REPLY, INVALID_JSON),
        parse("two objects back to back", DONE_REPLY + DONE_REPLY, INVALID_JSON),
        parse("two objects on two lines", READ_REPLY + "\n" + DONE_REPLY, INVALID_JSON),
        parse("prose after the object", DONE_REPLY + " I hope this helps!", INVALID_JSON),
        parse("prose before the object", "Sure! " + DONE_REPLY, INVALID_JSON),
        parse("a no-break space after the object", DONE_REPLY + "\u00a0", INVALID_JSON),
        parse("a NUL after the object", DONE_REPLY + "\u0000", INVALID_JSON),
        parse("a stray closing brace", DONE_REPLY + "}", INVALID_JSON),
        parse("a markdown code fence", "```json\n" + DONE_REPLY + "\n```", INVALID_JSON),
        parse("a bare code fence", "```\n" + DONE_REPLY + "\n```", INVALID_JSON),
        parse("a trailing comma", q("{'done':true,}"), INVALID_JSON),
        parse("a trailing comma in arguments", withArgs("{'a':1,}"), INVALID_JSON),
        parse("single quotes", "{'done':true}", INVALID_JSON),
        parse("unquoted keys", "{done:true}", INVALID_JSON),
        parse("a line comment", "// my reply\n" + DONE_REPLY, INVALID_JSON),
        parse("a block comment", q("{'done':true /* finished */}"), INVALID_JSON),
        parse("a hash comment", "# reply\n" + DONE_REPLY, INVALID_JSON),
        parse("NaN in arguments", withArgs("{'x':NaN}"), INVALID_JSON),
        parse("Infinity in arguments", withArgs("{'x':Infinity}"), INVALID_JSON),
        parse("-Infinity in arguments", withArgs("{'x':-Infinity}"), INVALID_JSON),
        parse("1e999 overflows a double", withArgs("{'x':1e999}"), INVALID_JSON),
        parse("-1e999 overflows a double", withArgs("{'x':[-1e999]}"), INVALID_JSON),
        parse(
            "an integer past the double range",
            withArgs("{'x':2" + "0".repeat(308) + "}"),
            INVALID_JSON),
        parse("a 1000-digit integer", withArgs("{'x':" + "9".repeat(1000) + "}"), INVALID_JSON),
        parse("a leading zero", withArgs("{'x':01}"), INVALID_JSON),
        parse("a leading plus sign", withArgs("{'x':+1}"), INVALID_JSON),
        parse("a bare decimal point", withArgs("{'x':.5}"), INVALID_JSON),
        parse("a hexadecimal number", withArgs("{'x':0x1F}"), INVALID_JSON),
        parse(
            "a raw control character in a string",
            q("{'done':true,'message':'a\u0001b'}"),
            INVALID_JSON),
        parse("a raw new line in a string", q("{'done':true,'message':'a\nb'}"), INVALID_JSON),
        parse("a raw tab in a string", q("{'done':true,'message':'a\tb'}"), INVALID_JSON),
        parse("an invalid escape", q("{'done':true,'message':'\\x41'}"), INVALID_JSON),
        parse("an escaped lone high surrogate", withArgs("{'s':'\\ud800'}"), INVALID_JSON),
        parse("an escaped lone low surrogate in a key", withArgs("{'\\udc00':1}"), INVALID_JSON),
        parse(
            "a raw lone surrogate in the message",
            q("{'done':true,'message':'\uD800x'}"),
            INVALID_JSON),
        parse(
            "reversed surrogates in the goal",
            step("'tool':'t','arguments':{},'goal':'\\udc00\\ud800'"),
            INVALID_JSON),
        parse("a truncated literal", q("{'done':tru"), INVALID_JSON),
        parse("an unclosed object", q("{'done':true"), INVALID_JSON),
        parse("an unclosed string", q("{'done':true,'message':'abc"), INVALID_JSON),
        parse("a missing colon", q("{'done' true}"), INVALID_JSON),
        parse("the literal True", q("{'done':True}"), INVALID_JSON),
        parse("a duplicate done", q("{'done':true,'done':true}"), DUPLICATE_KEY),
        parse("a duplicate next_step", q("{'next_step':{},'next_step':{}}"), DUPLICATE_KEY),
        parse(
            "a duplicate message with other values",
            q("{'done':true,'message':'a','message':1}"),
            DUPLICATE_KEY),
        parse("a duplicate tool", step("'tool':'a','tool':'b','arguments':{}"), DUPLICATE_KEY),
        parse("a duplicate key in arguments", withArgs("{'path':'a','path':'b'}"), DUPLICATE_KEY),
        parse(
            "a duplicate key deep in arguments",
            withArgs("{'a':[{'b':{'c':1,'c':1}}]}"),
            DUPLICATE_KEY),
        parse(
            "a duplicate key in the second object of an array",
            withArgs("{'a':[{'b':1},{'c':[],'d':{},'c':null}]}"),
            DUPLICATE_KEY),
        parse("a duplicate key whose value is cut off", withArgs("{'a':1,'a':[1,"), DUPLICATE_KEY),
        parse(
            "a duplicate spelled with an escape",
            q("{'done':true,'d\\u006fne':true}"),
            DUPLICATE_KEY),
        parse(
            "a duplicate 10,000-character key",
            withArgs("{'" + "k".repeat(10_000) + "':1,'" + "k".repeat(10_000) + "':2}"),
            DUPLICATE_KEY),
        parse("one level deeper than the limit", withArgs("{'a':" + deep + "}"), REPLY_TOO_DEEP),
        parse("10,000 nested arrays", nested(10_000, "[", "]", ""), REPLY_TOO_DEEP),
        parse("100 unclosed arrays", "[".repeat(100), REPLY_TOO_DEEP),
        parse(
            "a goal nested past the limit",
            step("'tool':'t','arguments':{},'goal':" + nested(80, "{'a':", "}", "1") + ""),
            REPLY_TOO_DEEP),
        parse(
            "a string that takes the reply over the size limit",
            withArgs("{'s':'" + "v".repeat(ProtocolCodec.DEFAULT_MAX_CHARS) + "'}"),
            REPLY_TOO_LARGE),
        parse(
            "white space padding over the size limit",
            " ".repeat(ProtocolCodec.DEFAULT_MAX_CHARS) + DONE_REPLY,
            REPLY_TOO_LARGE),
        parse("a 1001-digit integer", withArgs("{'n':" + "9".repeat(1001) + "}"), REPLY_TOO_LARGE),
        parse(
            "a 2000-digit fraction",
            withArgs("{'n':0." + "1".repeat(2000) + "}"),
            REPLY_TOO_LARGE));
  }

  static Decision propose(String tool, String arguments, String goal) {
    return Decision.propose(tool, JsonValue.parse(q(arguments)), goal);
  }

  static Decision done(String message) {
    return Decision.done(message);
  }

  private static Case ok(String name, String reply, Decision decision) {
    return new Case(name, reply, decision, null, false);
  }

  private static Case shape(String name, String reply) {
    return new Case(name, reply, null, INVALID_REPLY, false);
  }

  private static Case parse(String name, String reply, String code) {
    return new Case(name, reply, null, code, true);
  }
}
