package dev.xct.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.internal.json.Json;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ProtocolCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a proposal from the token stream decides every reply exactly as reading its whole tree
 * does, over combinations of members, values, orders, duplicates, surplus members and trailing
 * content; and it does answer for the usual reply, so the tree path is not all that is tested.
 */
class StreamedProposalTest {
  private static final List<String> TOOLS =
      List.of(
          "\"note.add\"",
          "\"\"",
          "\"  \"",
          "1",
          "null",
          "\"" + "t".repeat(201) + "\"",
          "\"a\\u0000b\"",
          "\"\\ud83d\\ude00\"",
          "\"\\ud83d\"");

  private static final List<String> ARGUMENTS =
      List.of(
          "{}",
          "{\"key\":\"v\"}",
          "{\"k\":1e5}",
          "{\"k\":{\"a\":[1,2,{\"b\":null}]}}",
          "{\"k\":1,\"k\":2}",
          "{\"a\":{\"k\":1,\"k\":1}}",
          "[]",
          "null",
          "\"x\"",
          "{\"n\":12345678901234567890}",
          "{\"f\":1.50}",
          "{\"s\":\"\\ud83d\\ude00\"}",
          "{\"big\":1e400}",
          "{\"a\":[-1e999]}",
          "{\"n\":" + "9".repeat(400) + "}",
          "{\"\\ud800\":1}",
          "{\"s\":[\"\\udc00\"]}");

  private static final List<String> GOALS = List.of("\"why\"", "\"\"", "null", "5", "{}");

  private static final List<String> ROOTS =
      List.of(
          "{\"next_step\":%s}",
          " \n{ \"next_step\" : %s }\n ",
          "{\"next_step\":%s,\"done\":true}",
          "{\"done\":true,\"next_step\":%s}",
          "{\"next_step\":%s,\"other\":1}",
          "{\"next_step\":%s} x",
          "{\"next_step\":%s}{}",
          "{\"next_step\":%s,\"next_step\":{}}",
          "[{\"next_step\":%s}]",
          "{\"next_step\":%s");

  @Test
  void decidesEveryReplyAsTheWholeTreeDoes() {
    for (int depth : new int[] {ProtocolCodec.DEFAULT_MAX_DEPTH, 3}) {
      ReplyDecoder decoder = new ReplyDecoder(ProtocolCodec.DEFAULT_MAX_CHARS, depth, true);
      int answered = 0;
      for (String reply : replies()) {
        DecodeResult streamed = StreamedProposal.read(decoder.streamReader(), reply);
        DecodeResult tree = decoder.decodeTree(reply);
        assertThat(decoder.decode(reply)).as(reply).isEqualTo(tree);
        if (streamed != null) {
          answered++;
          assertThat(streamed).as(reply).isEqualTo(tree);
          Decision.Proposal a = (Decision.Proposal) ((DecodeResult.Valid) streamed).decision();
          Decision.Proposal b = (Decision.Proposal) ((DecodeResult.Valid) tree).decision();
          assertThat(Json.node(a.arguments())).as(reply).isEqualTo(Json.node(b.arguments()));
        }
      }
      assertThat(answered).as("replies read from the token stream").isGreaterThan(100);
    }
  }

  @Test
  void readsTheUsualProposal() {
    ReplyDecoder decoder = new ReplyDecoder(ProtocolCodec.DEFAULT_MAX_CHARS, 64, true);
    String reply =
        "{\"next_step\":{\"tool\":\"note.add\",\"arguments\":{\"key\":\"g\",\"value\":\"hi\"},"
            + "\"goal\":\"remember\"}}";
    assertThat(StreamedProposal.read(decoder.streamReader(), reply))
        .isEqualTo(decoder.decodeTree(reply))
        .isInstanceOf(DecodeResult.Valid.class);
  }

  /** Every combination, each member missing or present, in three orders, once or twice. */
  private static List<String> replies() {
    List<String> out = new ArrayList<>();
    List<String> tools = withMissing(TOOLS);
    List<String> arguments = withMissing(ARGUMENTS);
    List<String> goals = withMissing(GOALS);
    for (String tool : tools) {
      for (String args : arguments) {
        for (String goal : goals) {
          String[] members = {
            tool == null ? null : "\"tool\":" + tool,
            args == null ? null : "\"arguments\":" + args,
            goal == null ? null : "\"goal\":" + goal
          };
          for (int rotation = 0; rotation < 3; rotation++) {
            String step = object(members, rotation, null);
            for (String root : ROOTS) {
              out.add(String.format(root, step));
            }
          }
          out.add(String.format(ROOTS.get(0), object(members, 0, members[0])));
          out.add(String.format(ROOTS.get(0), object(members, 1, "\"extra\":1")));
        }
      }
    }
    return out;
  }

  private static List<String> withMissing(List<String> values) {
    List<String> out = new ArrayList<>(values);
    out.add(null);
    return out;
  }

  private static String object(String[] members, int rotation, String surplus) {
    List<String> present = new ArrayList<>();
    for (int i = 0; i < members.length; i++) {
      String member = members[(i + rotation) % members.length];
      if (member != null) {
        present.add(member);
      }
    }
    if (surplus != null) {
      present.add(surplus);
    }
    return "{" + String.join(",", present) + "}";
  }
}
