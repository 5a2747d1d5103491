package dev.xct.core.internal.json;

import dev.xct.core.XctException;
import java.util.Map;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a Jackson tree is a JSON value every writer and reader agrees on: no missing node, no
 * NaN or infinite number, no POJO node (which Jackson would write by bean introspection), no member
 * name holding an unpaired UTF-16 surrogate, and no deeper nesting than a JSON writer accepts.
 * Stateless and thread-safe.
 */
public final class JsonTrees {
  /** The deepest nesting a JSON writer accepts; a deeper value could never be sent or journaled. */
  static final int MAX_DEPTH = StreamWriteConstraints.DEFAULT_MAX_DEPTH;

  private JsonTrees() {}

  /**
   * Returns {@code tree} if it is a writable JSON value.
   *
   * @throws XctException naming the place and the problem if it is not
   */
  public static JsonNode checked(JsonNode tree) {
    return check(tree, ValuePath.root("value"), 0);
  }

  static JsonNode check(JsonNode tree, ValuePath path, int depth) {
    if (tree.isMissingNode()) {
      throw new XctException(path + ": a missing node is not a JSON value");
    }
    if (tree.isPojo()) {
      throw new XctException(path + ": a POJO node has no JSON form; build the tree from values");
    }
    if ((tree.isDouble() || tree.isFloat()) && !Double.isFinite(tree.doubleValue())) {
      throw new XctException(
          path + ": NaN and infinite numbers are not JSON, was: " + tree.doubleValue());
    }
    if (tree.isContainer()) {
      checkDepth(path, depth + 1);
    }
    if (tree.isObject()) {
      for (Map.Entry<String, JsonNode> member : tree.properties()) {
        checkName(member.getKey(), path);
        check(member.getValue(), path.member(member.getKey()), depth + 1);
      }
    } else if (tree.isArray()) {
      int index = 0;
      for (JsonNode element : tree.values()) {
        check(element, path.index(index++), depth + 1);
      }
    }
    return tree;
  }

  static void checkDepth(ValuePath path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new XctException(path + ": nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  static void checkName(String name, ValuePath path) {
    if (JsonText.hasLoneSurrogate(name)) {
      throw new XctException(
          path
              + ": a member name holds an unpaired UTF-16 surrogate, which no JSON reader reads"
              + " back: "
              + JsonText.escapeLoneSurrogates(name));
    }
  }
}
