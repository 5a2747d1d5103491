package dev.xct.core.internal.codec;

import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.json.Snippet;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ProtocolCodec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a model reply as exactly one JSON value within the configured limits, then hands the tree
 * to {@link ReplyValues} and {@link ReplyShape}. Depth, string, name and number limits are Jackson
 * {@link StreamReadConstraints}, duplicate keys at any depth are Jackson's strict duplicate
 * detection; only the reply's length is checked before parsing, because {@code String.length()} is
 * exact and free. The usual reply, one well-formed proposal, is read from the parser's tokens by
 * {@link StreamedProposal}; any other is read as a whole tree, first without the strict detection,
 * which only a reply with a problem needs (to report where it is): any problem sends it to the
 * strict reader, so the result is the same. Never throws. Immutable and thread-safe.
 */
public final class ReplyDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyDecoder.class);
  private static final Pattern FENCE =
      Pattern.compile("\\A\\s*```(?i:json)?[ \\t]*\\r?\\n(.*?)\\r?\\n?```\\s*\\z", Pattern.DOTALL);

  private final int maxChars;
  private final boolean stripCodeFence;
  private final ObjectReader reader;
  private final ObjectReader quick;
  private final ObjectReader quickStream;
  private final ParseFailures failures;

  /** Creates a decoder with the given limits; the caller has validated them. */
  public ReplyDecoder(int maxChars, int maxDepth, boolean stripCodeFence) {
    this.maxChars = maxChars;
    this.stripCodeFence = stripCodeFence;
    this.failures = new ParseFailures(maxChars, maxDepth);
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxDocumentLength(maxChars)
            .maxStringLength(maxChars)
            .maxNameLength(maxChars)
            .maxNumberLength(ProtocolCodec.MAX_NUMBER_LENGTH)
            .build();
    this.reader = reader(limits, true);
    this.quick = reader(limits, false);
    // Reads the arguments inside a reply, so what follows them is no concern of its own.
    this.quickStream = quick.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Returns a reader within {@code limits} that rejects duplicate member names: as the parser reads
   * them if {@code whereRead}, with the position of the name, else once the tree holds them (and
   * then content after the value as well).
   */
  private static ObjectReader reader(StreamReadConstraints limits, boolean whereRead) {
    JsonFactoryBuilder factory =
        JsonFactory.builder()
            .recyclerPool(Json.BUFFERS)
            .streamReadConstraints(limits)
            // Jackson's own messages quote tokens; keep those fragments short.
            .errorReportConfiguration(
                ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(Snippet.MAX_QUOTED)
                    .maxRawContentLength(0)
                    .build());
    if (whereRead) {
      factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
    // The strict reader checks trailing content after the value so that it gets its own message;
    // the quick one leaves it to Jackson, since any problem sends the reply to the strict reader.
    return JsonMapper.builder(factory.build())
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, !whereRead)
        .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, !whereRead)
        // Decimals keep every digit the model wrote, as JsonValue.parse does.
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build()
        .reader();
  }

  /** Decodes {@code raw}; never throws. */
  public DecodeResult decode(String raw) {
    if (raw != null && raw.length() > maxChars) {
      return failures.tooLarge(raw);
    }
    if (raw == null || raw.isBlank()) {
      return failures.empty("the reply");
    }
    // RFC 8259 lets a parser ignore a byte order mark; the model cannot see or remove one.
    String text = raw.charAt(0) == '\uFEFF' ? raw.substring(1) : raw;
    if (stripCodeFence) {
      Matcher fence = FENCE.matcher(text);
      if (fence.matches()) {
        text = fence.group(1);
        if (text.isBlank()) {
          return failures.empty("the code fence");
        }
      }
    } else if (text.strip().startsWith("```")) {
      return failures.fenced();
    }
    DecodeResult streamed = StreamedProposal.read(quickStream, text);
    return streamed != null ? streamed : decodeTree(text);
  }

  /** Returns the reader {@link StreamedProposal} reads the usual reply with. */
  ObjectReader streamReader() {
    return quickStream;
  }

  /** Decodes {@code text}, a reply without fence or byte order mark, through its whole tree. */
  DecodeResult decodeTree(String text) {
    JsonNode quickRoot = quickTree(text);
    if (quickRoot != null) {
      return decision(text, quickRoot);
    }
    try (JsonParser parser = reader.createParser(text)) {
      JsonNode root;
      try {
        root = reader.readTree(parser);
      } catch (NumberFormatException e) {
        // Jackson lets BigDecimal's own refusal through, e.g. an exponent past 32 bits
        // (0e99999999999)
        return failures.unrepresentableNumber(parser.currentLocation());
      }
      if (root == null || root.isMissingNode()) {
        return failures.empty("the reply");
      }
      TokenStreamLocation end = parser.currentLocation();
      if (hasTrailingContent(parser)) {
        return failures.trailing(end);
      }
      return decision(text, root);
    } catch (StreamConstraintsException e) {
      return failures.constraintViolated(e);
    } catch (JacksonException e) {
      return failures.parseError(e);
    } catch (RuntimeException e) {
      // Defence in depth: a bug in the parser must not end the run.
      LOG.warn("unexpected failure while decoding a model reply", e);
      return failures.unreadable();
    }
  }

  /**
   * Returns the tree of {@code text} if it is exactly one JSON value within the limits and without
   * duplicate member names; null if anything is wrong with it, which the strict reader then reads
   * again to say what, where its parser finds it. Finding a duplicate only once the tree holds it
   * spares the usual reply the parser's set of names per object (about a fifth of the decode); a
   * rejected reply is read twice.
   */
  private JsonNode quickTree(String text) {
    try {
      JsonNode root = quick.readTree(text);
      return root == null || root.isMissingNode() ? null : root;
    } catch (RuntimeException e) { // NOPMD: whatever it is, the strict reader reports it
      return null;
    }
  }

  private static DecodeResult decision(String text, JsonNode root) {
    DecodeResult unfaithful = ReplyValues.mayBeUnfaithful(text) ? ReplyValues.check(root) : null;
    return unfaithful != null ? unfaithful : ReplyShape.decode(root);
  }

  private static boolean hasTrailingContent(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (JacksonException e) {
      return true; // whatever follows the value is wrong, readable or not
    }
  }
}
