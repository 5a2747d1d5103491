package dev.xct.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.xct.core.protocol.ReplyMutator.Mutant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A seeded mutation fuzzer over valid replies. Set {@code -Dxct.fuzz.seed=…} to replay a failure
 * and {@code -Dxct.fuzz.cases=…} to run longer.
 */
class ProtocolCodecFuzzTest {
  private static final long SEED = Long.getLong("xct.fuzz.seed", 0x5EED_C0DECL);
  private static final int CASES = Integer.getInteger("xct.fuzz.cases", 100_000);
  private static final int MAX_CHARS = 4096;
  private static final int MAX_DEPTH = 16;
  private static final ProtocolCodec STRICT =
      ProtocolCodec.builder().maxChars(MAX_CHARS).maxDepth(MAX_DEPTH).build();
  private static final ProtocolCodec LENIENT = STRICT.toBuilder().stripCodeFence(true).build();
  private static final ReplyMutator MUTATOR = new ReplyMutator(seeds(), MAX_CHARS, MAX_DEPTH);

  /** What one batch saw: an outcome digest, outcome counts and the first broken invariants. */
  record Batch(
      String digest,
      Map<String, Integer> outcomes,
      List<String> failures,
      long millis,
      long cpuMillis) {}

  @Test
  void decodeHoldsEveryInvariantOnOneHundredThousandMutants() {
    Batch batch = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> run(SEED, CASES));

    System.out.printf(
        "fuzz seed=%#x cases=%d wall=%dms process-cpu=%dms digest=%s outcomes=%s%n",
        SEED, CASES, batch.millis(), batch.cpuMillis(), batch.digest(), batch.outcomes());
    assertThat(batch.failures()).as("seed %#x: broken invariants", SEED).isEmpty();
    assertThat(batch.outcomes().keySet())
        .as("seed %#x: every protocol code and acceptance are reached", SEED)
        .containsAll(ProtocolTable.PROTOCOL_CODES)
        .contains("VALID");
    assertThat(batch.outcomes().get("VALID")).as("seed %#x", SEED).isGreaterThan(CASES / 100);
  }

  @Test
  void sameSeedReproducesTheSameOutcomes() {
    Batch first = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> run(SEED + 1, 3_000));
    Batch second = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> run(SEED + 1, 3_000));

    assertThat(second.digest()).as("seed %#x", SEED + 1).isEqualTo(first.digest());
    assertThat(second.outcomes()).isEqualTo(first.outcomes());
    assertThat(run(SEED + 2, 1_000).digest()).isNotEqualTo(first.digest());
  }

  @Test
  void concurrentDecodingGivesTheSameResultsAsSequentialDecoding() throws Exception {
    SplittableRandom root = new SplittableRandom(SEED + 3);
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      replies.add(MUTATOR.mutate(root.split()).text());
    }
    List<DecodeResult> sequential = replies.stream().map(STRICT::decode).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DecodeResult>> futures = new ArrayList<>();
      for (String reply : replies) {
        futures.add(pool.submit(() -> STRICT.decode(reply)));
      }
      for (int i = 0; i < replies.size(); i++) {
        assertThat(futures.get(i).get(1, TimeUnit.MINUTES)).isEqualTo(sequential.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Batch run(long seed, int cases) {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    MessageDigest digest = sha256();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < cases && failures.size() < 10; i++) {
      SplittableRandom random = root.split();
      boolean lenient = random.nextInt(10) == 0;
      Mutant mutant = MUTATOR.mutate(random);
      String outcome;
      try {
        outcome = check(lenient ? LENIENT : STRICT, lenient, mutant.text());
      } catch (Throwable t) {
        outcome = "BROKEN";
        failures.add(describe(seed, i, lenient, mutant, t.toString()));
      }
      if (outcome.startsWith("BROKEN")) {
        if (!outcome.equals("BROKEN")) {
          failures.add(describe(seed, i, lenient, mutant, outcome));
        }
        continue;
      }
      digest.update(outcome.getBytes(StandardCharsets.UTF_8));
      outcomes.merge(outcome.substring(0, outcome.indexOf(' ')), 1, Integer::sum);
    }
    return new Batch(
        HexFormat.of().formatHex(digest.digest()),
        outcomes,
        failures,
        (System.nanoTime() - start) / 1_000_000,
        (processCpuNanos() - cpuStart) / 1_000_000);
  }

  /** Decodes one mutant and checks every invariant; returns the outcome or "BROKEN: why". */
  private static String check(ProtocolCodec codec, boolean lenient, String text) {
    DecodeResult result = codec.decode(text);
    JsonNode clean = lenient ? null : parseClean(text);
    if (result instanceof DecodeResult.Valid valid) {
      String canonical = codec.encode(valid.decision());
      JsonNode tree = clean != null ? clean : SchemaCheck.parsePlain(canonical);
      if (!SchemaCheck.replySchemaAccepts(tree)) {
        return "BROKEN: accepted, but the reply schema rejects it";
      }
      if (!ProtocolCodec.strict().decode(canonical).equals(valid)) {
        return "BROKEN: the canonical encoding does not decode to the same decision";
      }
      if (!lenient && clean == null) {
        return "BROKEN: accepted, but it is not parse-clean JSON";
      }
      return "VALID " + canonical;
    }
    Result.Failure failure = ((DecodeResult.Invalid) result).failure();
    String code = failure.code();
    if (!ProtocolTable.PROTOCOL_CODES.contains(code)) {
      return "BROKEN: undocumented code " + code;
    }
    String problem = messageProblem(failure);
    if (problem != null) {
      return "BROKEN: " + problem + ": " + excerpt(failure.message(), 600);
    }
    if (!lenient) {
      boolean shapeError = code.equals(ErrorCodes.INVALID_REPLY);
      if (shapeError != (clean != null)) {
        return "BROKEN: " + code + " but parse-clean is " + (clean != null);
      }
      if (shapeError && SchemaCheck.replySchemaAccepts(clean)) {
        return "BROKEN: INVALID_REPLY, but the reply schema accepts it";
      }
    }
    return code + " " + failure.message() + " " + failure.details();
  }

  private static String messageProblem(Result.Failure failure) {
    String message = failure.message();
    if (message.length() > 500 || failure.details().toJson().length() > 300) {
      return "unbounded message or details";
    }
    if (message.contains("Jackson") || message.contains("Feature") || message.contains("Source")) {
      return "message leaks parser internals";
    }
    for (int i = 0; i < message.length(); i++) {
      int type = Character.getType(message.charAt(i));
      boolean paired =
          Character.isHighSurrogate(message.charAt(i))
              && i + 1 < message.length()
              && Character.isLowSurrogate(message.charAt(i + 1));
      if (paired) {
        i++;
      } else if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.SURROGATE) {
        return "message holds an invisible character";
      }
    }
    return null;
  }

  /**
   * An oracle independent of the codec: the tree a plain RFC 8259 parser reads when the text is one
   * JSON value within the limits, holding only finite numbers and valid Unicode; else null.
   */
  private static JsonNode parseClean(String text) {
    if (text.length() > MAX_CHARS) {
      return null;
    }
    JsonNode tree;
    try {
      tree = SchemaCheck.parsePlain(text);
    } catch (JacksonException e) {
      return null;
    }
    return tree == null || tree.isMissingNode() || !faithful(tree, 1) ? null : tree;
  }

  private static boolean faithful(JsonNode node, int depth) {
    if (node.isContainer()) {
      if (depth > MAX_DEPTH) {
        return false;
      }
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!validUnicode(member.getKey())) {
          return false;
        }
      }
      for (JsonNode child : node.values()) {
        if (!faithful(child, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (node.isString()) {
      return validUnicode(node.stringValue());
    }
    return !node.isNumber() || Double.isFinite(node.numberValue().doubleValue());
  }

  private static boolean validUnicode(String text) {
    return StandardCharsets.UTF_16.newEncoder().canEncode(text);
  }

  private static String describe(long seed, int index, boolean lenient, Mutant mutant, String why) {
    return String.format(
        "seed=%#x case=%d %s edits=%s input=\"%s\": %s",
        seed,
        index,
        lenient ? "lenient" : "strict",
        mutant.edits(),
        excerpt(mutant.text(), 300),
        why);
  }

  /** Cuts and escapes text for a failure message, so it prints on one readable line. */
  private static String excerpt(String text, int max) {
    String cut = text.length() > max ? text.substring(0, max) + "…" : text;
    StringBuilder out = new StringBuilder();
    cut.chars()
        .forEach(
            c ->
                out.append(
                    c < 0x20 || Character.isSurrogate((char) c) || c == 0xFEFF
                        ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)));
    return out.toString();
  }

  /** CPU time of the whole test JVM (all threads, JIT and GC included): a load-independent cost. */
  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> seeds() {
    return List.of(
        ProtocolTable.q(
            "{'next_step':{'tool':'fs.read','arguments':{'path':'a.txt'},'goal':'read it'}}"),
        ProtocolTable.q(
            "{'next_step':{'tool':'fs.write','arguments':{'path':'out/config.yaml',"
                + "'content':'key: value\\nlist:\\n  - 1\\n','mode':'0644'},"
                + "'goal':'update the config'}}"),
        ProtocolTable.q(
            "{'next_step':{'tool':'k8s.deployments.delete','arguments':{'namespace':'prod',"
                + "'names':['nginx','redis'],'force':false,'grace':30}}}"),
        ProtocolTable.q("{'next_step':{'tool':'t','arguments':{}}}"),
        ProtocolTable.q("{'done':true,'message':'config updated'}"),
        ProtocolTable.q("{'done':true}"),
        ProtocolTable.q(
            "{\n  'next_step': {\n    'tool': 'db.query',\n    'arguments': {\n"
                + "      'sql': 'select 1',\n      'params': [-0, 1.5e3, 123456789012345678901234567890,"
                + " null, true],\n      'label': 'h\\u00e9llo \uD83D\uDE00 \u4e2d'\n    },\n"
                + "    'goal': 'check'\n  }\n}\n"),
        ProtocolTable.q("{'message':'all three deployments created','done':true}"),
        ProtocolTable.q(
            "{'next_step':{'goal':'check','arguments':{'q':{'a':[1,[2,[3,{'b':null}]]]}},"
                + "'tool':'db.query'}}"),
        ProtocolTable.q(
            "{'next_step':{'tool':'shell.run','arguments':{'argv':['ls','-la','/tmp'],"
                + "'env':{'LANG':'C'},'timeout_ms':5000},'goal':'list files'}}"));
  }
}
