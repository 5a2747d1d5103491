package dev.xct.core.internal.codec;

import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.json.JsonText;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the usual reply, one well-formed proposal, from the parser's tokens: only the arguments
 * become a tree, and the envelope's shape is checked as it is read, instead of building a tree of
 * the whole reply and walking it. It answers only for a reply {@link ReplyShape} accepts as it
 * stands: an object holding only {@code next_step}, which holds a string {@code tool} that names a
 * tool acceptably, an object {@code arguments} and at most a string {@code goal}, each once, in any
 * order, with nothing after it and no value {@link ReplyValues} refuses (checked on those parts,
 * not by scanning the whole text). Anything else, and any parse problem, is {@code null}: the tree
 * path then decodes the reply, or says what is wrong with it, exactly as before. About a third of
 * the decode is saved on the usual reply. Stateless and thread-safe.
 */
final class StreamedProposal {
  private StreamedProposal() {}

  /**
   * Returns the proposal in {@code text} read with {@code reader} (whose tree reading rejects
   * duplicate names and ignores what follows the tree), or {@code null} to leave the reply to the
   * tree path.
   */
  static DecodeResult read(ObjectReader reader, String text) {
    try (JsonParser parser = reader.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT
          || !"next_step".equals(parser.nextName())
          || parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String tool = null;
      String goal = null;
      JsonNode arguments = null;
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        JsonToken value = parser.nextToken();
        if (name.equals("tool") && tool == null && value == JsonToken.VALUE_STRING) {
          tool = parser.getString();
        } else if (name.equals("goal") && goal == null && value == JsonToken.VALUE_STRING) {
          goal = parser.getString();
        } else if (name.equals("arguments")
            && arguments == null
            && value == JsonToken.START_OBJECT) {
          // The reader's own tree reading: its deserializer is looked up once, not per call.
          arguments = reader.readTree(parser);
        } else {
          return null; // another member, one given twice, or a value of another type
        }
      }
      boolean alone =
          parser.currentToken() == JsonToken.END_OBJECT
              && parser.nextToken() == JsonToken.END_OBJECT
              && parser.nextToken() == null;
      if (!alone
          || tool == null
          || arguments == null
          || ReplyShape.toolNameProblem(tool) != null
          || JsonText.hasLoneSurrogate(tool)
          || (goal != null && JsonText.hasLoneSurrogate(goal))
          || !ReplyValues.faithful(arguments)) {
        return null;
      }
      return new DecodeResult.Valid(
          new Decision.Proposal(tool, Json.adopt(arguments), goal == null ? "" : goal));
    } catch (RuntimeException e) { // NOPMD: whatever it is, the tree path reports it
      return null;
    }
  }
}
