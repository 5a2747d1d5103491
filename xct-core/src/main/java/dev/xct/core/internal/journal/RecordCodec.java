package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import dev.xct.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Encodes and decodes one journal line: {@code
 * {"seq":N,"prev":H,"event":{...},"hash":H[,"mac":M]}}. The hash is the SHA-256 of the exact bytes
 * before {@code ,"hash"} (which include the previous record's hash, forming the chain); the
 * optional mac is HMAC-SHA256 of the hash under the signing key. Hashing the bytes as written,
 * rather than a re-serialisation, makes the check independent of how any JSON library formats
 * numbers or strings. Thread-safe.
 */
public final class RecordCodec {
  /** The previous-hash of the very first record. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HASH_KEY = bytes(",\"hash\":\"");
  private static final byte[] MAC_KEY = bytes("\",\"mac\":\"");
  private static final int HASH_TRAILER = HASH_KEY.length + 64 + 2; // ,"hash":"<64>"}
  private static final int MAC_TRAILER = HASH_TRAILER + MAC_KEY.length + 64;

  private final byte[] key;

  /** Creates a codec that signs and checks signatures with {@code key} (null: unsigned). */
  public RecordCodec(byte[] key) {
    this.key = key == null ? null : key.clone();
  }

  /** Returns whether records are signed. */
  public boolean signed() {
    return key != null;
  }

  /** Holds one encoded line and its chain hash. */
  public record Encoded(byte[] line, String hash) {}

  /** Encodes a record; {@code eventJson} is compact JSON without line breaks. */
  public Encoded encode(long seq, String prev, String eventJson) {
    byte[] body = bytes("{\"seq\":" + seq + ",\"prev\":\"" + prev + "\",\"event\":" + eventJson);
    String hash = HEX.formatHex(sha256(body));
    StringBuilder trailer = new StringBuilder(",\"hash\":\"").append(hash);
    if (key != null) {
      trailer.append("\",\"mac\":\"").append(mac(hash));
    }
    trailer.append("\"}\n");
    byte[] tail = bytes(trailer.toString());
    byte[] line = Arrays.copyOf(body, body.length + tail.length);
    System.arraycopy(tail, 0, line, body.length, tail.length);
    return new Encoded(line, hash);
  }

  /**
   * Holds a decoded line.
   *
   * @param seq the record's sequence number
   * @param prev the hash it claims precedes it
   * @param hash the hash it claims for itself
   * @param mac its signature, or null
   * @param event the event object
   * @param hashMatches whether {@code hash} is the SHA-256 of the record's bytes
   */
  public record Decoded(
      long seq, String prev, String hash, String mac, JsonNode event, boolean hashMatches) {}

  /**
   * Decodes one line (without its newline).
   *
   * @throws XctException if the line is not a well-formed record
   */
  public Decoded decode(byte[] line, int from, int to) {
    JsonNode node;
    try {
      node = Json.STRICT_READER.readTree(line, from, to - from);
    } catch (JacksonException e) {
      throw new XctException("not a JSON record: " + e.getOriginalMessage(), e);
    }
    JsonNode seq = node.get("seq");
    JsonNode prev = node.get("prev");
    JsonNode event = node.get("event");
    JsonNode hash = node.get("hash");
    JsonNode mac = node.get("mac");
    if (seq == null
        || !seq.canConvertToLong()
        || !isHex(prev)
        || event == null
        || !event.isObject()
        || !isHex(hash)
        || (mac != null && !isHex(mac))
        || node.size() != (mac == null ? 4 : 5)) {
      throw new XctException("not a journal record");
    }
    int trailer = mac == null ? HASH_TRAILER : MAC_TRAILER;
    int bodyEnd = to - trailer;
    if (bodyEnd <= from || !startsAt(line, bodyEnd, HASH_KEY)) {
      throw new XctException("journal record does not end with its hash");
    }
    String expected = HEX.formatHex(sha256(Arrays.copyOfRange(line, from, bodyEnd)));
    String claimed = hash.stringValue();
    return new Decoded(
        seq.asLong(),
        prev.stringValue(),
        claimed,
        mac == null ? null : mac.stringValue(),
        event,
        expected.equals(claimed));
  }

  /** Returns whether {@code record} carries a correct signature under this codec's key. */
  public boolean signatureMatches(Decoded record) {
    return key != null
        && record.mac() != null
        && MessageDigest.isEqual(bytes(mac(record.hash())), bytes(record.mac()));
  }

  private String mac(String hash) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HEX.formatHex(hmac.doFinal(HEX.parseHex(hash)));
    } catch (GeneralSecurityException e) {
      throw new XctException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new XctException("SHA-256 is not available", e);
    }
  }

  private static boolean isHex(JsonNode node) {
    if (node == null || !node.isString()) {
      return false;
    }
    String text = node.stringValue();
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsAt(byte[] line, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > line.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
