package dev.xct.core.protocol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives malformed and edge-case replies from valid ones, deterministically from a seed: character
 * edits (insert, delete, replace, duplicate, swap, truncate), token edits on the parsed tree
 * (duplicate keys, swapped types, removed, added and renamed members, odd number literals, unicode,
 * deep nesting, huge strings) and whole-reply edits (two replies back to back, fences, quoting,
 * prose, byte order marks, padding past the size limit).
 */
final class ReplyMutator {
  /** One derived reply and the edits that made it, for failure messages. */
  record Mutant(String text, List<String> edits) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MARKER = "\u0000marker\u0000";
  private static final String[] CHARS = {
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    " ",
    "\n",
    "\t",
    "0",
    "1",
    "-",
    "e",
    ".",
    "a",
    "t",
    "'",
    "/",
    "*",
    "#",
    "\u0000",
    "\u0001",
    "\u001f",
    "\u007f",
    "\u00a0",
    "\u00e9",
    "\u2028",
    "\u202e",
    "\uFEFF",
    "\uD800",
    "\uDC00",
    "\uD83D\uDE00",
    "\u4e2d"
  };
  private static final String[] FRAGMENTS = {
    "true",
    "false",
    "null",
    "{}",
    "[]",
    "\"x\"",
    ",",
    ":",
    "\"done\"",
    "\"next_step\"",
    "\"tool\"",
    "\\u0000",
    "\\ud800",
    "//",
    "/*",
    "*/",
    "NaN",
    "Infinity",
    "1e999",
    "-0",
    "```",
    "\"\"",
    ",,",
    "\"arguments\":{}",
    "\"done\":true",
    "\"goal\":\"g\""
  };
  private static final String[] LITERALS = {
    "1e999",
    "-1e999",
    "-0",
    "-0.0",
    "1e-400",
    "1.7976931348623157e308",
    "123456789012345678901234567890",
    "-98765432109876543210",
    "0.1",
    "1E2",
    "NaN",
    "Infinity",
    "01",
    "+1",
    ".5",
    "1.",
    "0x10",
    "true",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "\"\\ud83d\\ude00\"",
    "\"\\u0000\"",
    "\"\\u202e\"",
    "\"\"",
    "\"true\"",
    "\"{\\\"done\\\":true}\"",
    "9".repeat(1001),
    "9".repeat(1000)
  };
  private static final String[] NAMES = {
    "next_step",
    "done",
    "message",
    "tool",
    "arguments",
    "goal",
    "Done",
    "thought",
    "args",
    "",
    "d\u00f6ne",
    "\uD83D\uDE00",
    "\\ud800"
  };

  private final List<String> seeds;
  private final int maxChars;
  private final int maxDepth;

  ReplyMutator(List<String> seeds, int maxChars, int maxDepth) {
    this.seeds = List.copyOf(seeds);
    this.maxChars = maxChars;
    this.maxDepth = maxDepth;
  }

  /** Returns the mutant for one case; the same random state always yields the same mutant. */
  Mutant mutate(SplittableRandom random) {
    String text = seeds.get(random.nextInt(seeds.size()));
    List<String> edits = new ArrayList<>();
    int[] families = new int[1 + random.nextInt(3)];
    for (int i = 0; i < families.length; i++) {
      families[i] = random.nextInt(10);
    }
    // Token edits first: after a character edit the text rarely parses, and they would fall back.
    Arrays.sort(families);
    for (int family : families) {
      if (family < 4) {
        text = tokenEdit(random, text, edits);
      } else if (family < 8) {
        text = charEdit(random, text, edits);
      } else {
        text = wholeEdit(random, text, edits);
      }
    }
    return new Mutant(text, edits);
  }

  private String charEdit(SplittableRandom random, String text, List<String> edits) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    int op = random.nextInt(8);
    edits.add(
        new String[] {"insert", "delete", "replace", "cut", "dup", "swap", "truncate", "frag"}[op]
            + "@"
            + at);
    String c = CHARS[random.nextInt(CHARS.length)];
    int end = Math.min(text.length(), at + 1 + random.nextInt(12));
    switch (op) {
      case 0:
        return text.substring(0, at) + c + text.substring(at);
      case 1:
        return at >= text.length() ? text : text.substring(0, at) + text.substring(at + 1);
      case 2:
        return at >= text.length() ? text + c : text.substring(0, at) + c + text.substring(at + 1);
      case 3:
        return text.substring(0, at) + text.substring(end);
      case 4:
        return text.substring(0, end) + text.substring(at, end) + text.substring(end);
      case 5:
        return at + 1 >= text.length()
            ? text
            : text.substring(0, at)
                + text.charAt(at + 1)
                + text.charAt(at)
                + text.substring(at + 2);
      case 6:
        return text.substring(0, at);
      default:
        return text.substring(0, at)
            + FRAGMENTS[random.nextInt(FRAGMENTS.length)]
            + text.substring(at);
    }
  }

  private String tokenEdit(SplittableRandom random, String text, List<String> edits) {
    JsonNode root;
    try {
      root = SchemaCheck.PLAIN.readTree(text);
    } catch (JacksonException e) {
      return charEdit(random, text, edits);
    }
    if (!(root instanceof ContainerNode<?>)) {
      return charEdit(random, text, edits);
    }
    List<ContainerNode<?>> containers = new ArrayList<>();
    collect(root, containers);
    ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
    int op = random.nextInt(7);
    edits.add(
        new String[] {"dupkey", "swaptype", "remove", "add", "rename", "literal", "nest"}[op]);
    String literal = null;
    if (target instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      String name = names.isEmpty() ? "k" : names.get(random.nextInt(names.size()));
      switch (op) {
        case 0:
          object.set(MARKER, randomValue(random));
          literal = SchemaCheck.PLAIN.writeValueAsString(NODES.stringNode(name));
          break;
        case 1:
          object.set(name, randomValue(random));
          break;
        case 2:
          object.remove(name);
          break;
        case 3:
          object.set(NAMES[random.nextInt(NAMES.length)], randomValue(random));
          break;
        case 4:
          JsonNode value = object.remove(name);
          object.set(NAMES[random.nextInt(NAMES.length)], value == null ? NODES.nullNode() : value);
          break;
        case 5:
          object.set(name, NODES.stringNode(MARKER));
          literal = LITERALS[random.nextInt(LITERALS.length)];
          break;
        default:
          object.set(name, deep(random, object.get(name)));
      }
    } else {
      ArrayNode array = (ArrayNode) target;
      int index = array.isEmpty() ? 0 : random.nextInt(array.size());
      if (op == 2 && !array.isEmpty()) {
        array.remove(index);
      } else if (op == 5) {
        array.insert(index, NODES.stringNode(MARKER));
        literal = LITERALS[random.nextInt(LITERALS.length)];
      } else {
        array.insert(index, op == 6 ? deep(random, NODES.nullNode()) : randomValue(random));
      }
    }
    String out = SchemaCheck.PLAIN.writeValueAsString(root);
    String quotedMarker = SchemaCheck.PLAIN.writeValueAsString(NODES.stringNode(MARKER));
    return literal == null ? out : out.replace(quotedMarker, literal);
  }

  private String wholeEdit(SplittableRandom random, String text, List<String> edits) {
    int op = random.nextInt(11);
    edits.add(
        new String[] {
              "concat",
              "fence",
              "stringify",
              "array",
              "prose",
              "bom",
              "pad",
              "nestall",
              "huge",
              "empty",
              "spaces"
            }
            [op]);
    switch (op) {
      case 0:
        String[] separators = {"", "\n", " ", ",", "\n\n"};
        return text
            + separators[random.nextInt(separators.length)]
            + seeds.get(random.nextInt(seeds.size()));
      case 1:
        return "```json\n" + text + "\n```";
      case 2:
        return SchemaCheck.PLAIN.writeValueAsString(NODES.stringNode(text));
      case 3:
        return "[" + text + "]";
      case 4:
        return random.nextBoolean() ? "Sure, here it is: " + text : text + "\nLet me know!";
      case 5:
        return "\uFEFF" + text;
      case 6:
        return " ".repeat(random.nextInt(3)) + text + "\n\t\r ".repeat(random.nextInt(3));
      case 7:
        int levels = maxDepth - 2 + random.nextInt(5);
        return random.nextBoolean()
            ? "[".repeat(levels) + text + "]".repeat(levels)
            : "{\"a\":".repeat(levels) + text + "}".repeat(levels);
      case 8:
        return text + " ".repeat(Math.max(0, maxChars - text.length() - 2 + random.nextInt(5)));
      case 9:
        return random.nextBoolean() ? "" : " \n\t";
      default:
        return "\u00a0" + text;
    }
  }

  private JsonNode randomValue(SplittableRandom random) {
    switch (random.nextInt(12)) {
      case 0:
        return NODES.stringNode("");
      case 1:
        return NODES.stringNode(randomText(random));
      case 2:
        return NODES.numberNode(random.nextInt());
      case 3:
        return NODES.numberNode(new BigInteger(80, new java.util.Random(random.nextLong())));
      case 4:
        return NODES.numberNode(random.nextDouble() * 1e6);
      case 5:
        return NODES.booleanNode(random.nextBoolean());
      case 6:
        return NODES.nullNode();
      case 7:
        return NODES.arrayNode().add(1).add("x");
      case 8:
        return NODES.objectNode();
      case 9:
        return NODES.objectNode().put("tool", "t").set("arguments", NODES.objectNode());
      case 10:
        return NODES.stringNode("h".repeat(maxChars / 2 + random.nextInt(maxChars)));
      default:
        return deep(random, NODES.numberNode(1));
    }
  }

  private String randomText(SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      out.append(CHARS[random.nextInt(CHARS.length)]);
    }
    return out.toString();
  }

  private JsonNode deep(SplittableRandom random, JsonNode core) {
    JsonNode node = core == null ? NODES.nullNode() : core;
    int levels = maxDepth - 6 + random.nextInt(10);
    for (int i = 0; i < levels; i++) {
      node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
    }
    return node;
  }

  private static void collect(JsonNode node, List<ContainerNode<?>> out) {
    if (node instanceof ContainerNode<?> container) {
      out.add(container);
      for (JsonNode child : node.values()) {
        collect(child, out);
      }
    }
  }
}
