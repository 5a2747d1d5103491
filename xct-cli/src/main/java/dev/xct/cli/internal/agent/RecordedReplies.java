package dev.xct.cli.internal.agent;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a replies file: JSON Lines, each line one JSON string holding exactly the text a model
 * returned. Blank lines are skipped. The replies themselves may be anything, garbage included; only
 * the file's own format is checked. Stateless and thread-safe.
 */
public final class RecordedReplies {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** Thrown for a line that is not one JSON string; the message names the line. */
  public static final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  private RecordedReplies() {}

  /**
   * Returns the replies in {@code text}, in order; {@code name} is used in messages.
   *
   * @throws FormatException if a line is not exactly one JSON string, or there are no replies
   */
  public static List<String> parse(String text, String name) {
    List<String> replies = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (JacksonException e) {
        throw new FormatException(
            name + ":" + (i + 1) + ": not a JSON string: " + e.getOriginalMessage());
      }
      if (node == null || !node.isString()) {
        String found =
            node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        throw new FormatException(
            name
                + ":"
                + (i + 1)
                + ": expected a JSON string holding the model's exact reply, found "
                + found
                + (node != null && node.isObject()
                    ? " (wrap the reply in quotes: each line is the reply as a JSON string)"
                    : ""));
      }
      replies.add(node.stringValue());
    }
    if (replies.isEmpty()) {
      throw new FormatException(name + ": holds no replies");
    }
    return List.copyOf(replies);
  }
}
