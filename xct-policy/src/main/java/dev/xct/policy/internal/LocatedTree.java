package dev.xct.policy.internal;

import dev.xct.policy.PolicyProblem;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a YAML or JSON document into a Jackson tree and remembers where every value stands, by JSON
 * Pointer, so that later checks can name the exact line and column. Jackson's tree forgets token
 * locations; this reader walks the token stream itself to keep them.
 *
 * <p>For an object member the location is that of its key, which is what a person looks for; for an
 * array element or the root, that of the value. Duplicate keys are reported, not resolved.
 * Stateless and thread-safe.
 */
public final class LocatedTree {
  private static final TokenStreamFactory YAML = YAMLFactory.builder().build();
  private static final TokenStreamFactory JSON = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Holds a line and column, both 1-based. */
  public record Location(int line, int column) {}

  /** Holds the tree and the location of each value by JSON Pointer ({@code ""} is the root). */
  public record Located(JsonNode root, Map<String, Location> locations) {
    /** Returns the location of {@code pointer}, or of its nearest ancestor that has one. */
    public Location locate(String pointer) {
      String at = pointer;
      while (true) {
        Location found = locations.get(at);
        if (found != null || at.isEmpty()) {
          return found == null ? new Location(1, 1) : found;
        }
        at = at.substring(0, at.lastIndexOf('/'));
      }
    }

    /** Returns {@code message} as a problem at {@code pointer}, located and with its field. */
    public PolicyProblem problem(String pointer, String message) {
      Location location = locate(pointer);
      return new PolicyProblem(
          location.line(), location.column(), Fields.display(pointer), message);
    }
  }

  /** Thrown when the text is not one well-formed document; carries the located problem. */
  public static final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PolicyProblem problem;

    SyntaxException(PolicyProblem problem) {
      super(problem.message());
      this.problem = problem;
    }

    /** Returns the problem, with its line and column. */
    public PolicyProblem problem() {
      return problem;
    }
  }

  private final Map<String, Location> locations = new HashMap<>();
  private final JsonParser parser;

  private LocatedTree(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads {@code text}, as YAML unless {@code json} is set.
   *
   * @throws SyntaxException if it is empty, malformed, holds several documents or repeats a key
   */
  public static Located read(String text, boolean json) {
    TokenStreamFactory factory = json ? JSON : YAML;
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
      LocatedTree reader = new LocatedTree(parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxException(new PolicyProblem(1, 1, "", "the file is empty"));
      }
      JsonNode root = reader.value("");
      if (parser.nextToken() != null) {
        throw new SyntaxException(
            problem(parser.currentTokenLocation(), "expected one document, found more after it"));
      }
      return new Located(root, Map.copyOf(reader.locations));
    } catch (JacksonException e) {
      throw new SyntaxException(problem(e.getLocation(), syntaxMessage(e, json)));
    }
  }

  private JsonNode value(String pointer) {
    JsonToken token = parser.currentToken();
    locations.putIfAbsent(pointer, location(parser.currentTokenLocation()));
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        String child = pointer + "/" + escape(name);
        Location key = location(parser.currentTokenLocation());
        if (object.has(name)) {
          Location first = locations.get(child);
          throw new SyntaxException(
              new PolicyProblem(
                  key.line(),
                  key.column(),
                  "",
                  "duplicate key '" + name + "' (first given on line " + first.line() + ")"));
        }
        locations.put(child, key);
        parser.nextToken();
        object.set(name, value(child));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(value(pointer + "/" + array.size()));
      }
      return array;
    }
    return scalar(token);
  }

  private JsonNode scalar(JsonToken token) {
    if (token == JsonToken.VALUE_STRING) {
      return NODES.stringNode(parser.getString());
    } else if (token == JsonToken.VALUE_NUMBER_INT) {
      return NODES.numberNode(parser.getBigIntegerValue());
    } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return NODES.numberNode(parser.getDecimalValue());
    } else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
    } else if (token == JsonToken.VALUE_NULL) {
      return NODES.nullNode();
    }
    throw new SyntaxException(
        problem(parser.currentTokenLocation(), "unsupported value (" + token + ")"));
  }

  /** Escapes a member name for use in a JSON Pointer (RFC 6901). */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static Location location(TokenStreamLocation at) {
    if (at == null) {
      return new Location(0, 0);
    }
    return new Location(Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
  }

  private static PolicyProblem problem(TokenStreamLocation at, String message) {
    Location location = location(at);
    return new PolicyProblem(location.line(), location.column(), "", message);
  }

  private static String syntaxMessage(JacksonException e, boolean json) {
    String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    // SnakeYAML's messages carry a quoted excerpt with a caret over several lines; keep the gist.
    String gist =
        original.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse(original);
    return (json ? "not valid JSON: " : "not valid YAML: ") + gist;
  }
}
