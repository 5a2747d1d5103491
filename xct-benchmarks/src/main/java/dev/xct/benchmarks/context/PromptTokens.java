package dev.xct.benchmarks.context;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a chat request's prompt tokens with OpenAI's o200k_base encoding (jtokkit), message by
 * message as chat formats do (each message's content tokenized on its own, plus {@value
 * #PER_MESSAGE} tokens for the role and the separators), and how many of them a provider's prompt
 * cache reuses under OpenAI's rule: the longest prefix shared with the previous request, counted
 * only from 1,024 tokens and in steps of 128. Not thread-safe.
 */
final class PromptTokens {
  static final int PER_MESSAGE = 3;
  static final int MIN_CACHED = 1_024;
  static final int CACHE_STEP = 128;

  private final Encoding encoding =
      Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private final Map<String, int[]> tokens = new HashMap<>();

  /** Returns the tokens of {@code text}, each text encoded once. */
  int[] tokens(String text) {
    return tokens.computeIfAbsent(text, t -> encoding.encodeOrdinary(t).toArray());
  }

  /** Returns the prompt tokens of {@code request}. */
  long count(List<Message> request) {
    long total = 0;
    for (Message message : request) {
      total += PER_MESSAGE + tokens(message.text()).length;
    }
    return total;
  }

  /** Returns the tokens at the start of {@code request} that {@code previous} also starts with. */
  long sharedPrefix(List<Message> previous, List<Message> request) {
    long shared = 0;
    for (int i = 0; i < Math.min(previous.size(), request.size()); i++) {
      Message before = previous.get(i);
      Message now = request.get(i);
      if (!before.role().equals(now.role())) {
        return shared + 1; // the start-of-message token
      }
      int[] a = tokens(before.text());
      int[] b = tokens(now.text());
      if (before.text().equals(now.text())) {
        shared += PER_MESSAGE + b.length;
        continue;
      }
      int common = 0;
      while (common < a.length && common < b.length && a[common] == b[common]) {
        common++;
      }
      return shared + PER_MESSAGE - 1 + common;
    }
    return shared;
  }

  /** Returns the tokens a cache reuses from a shared prefix of {@code shared} tokens. */
  static long cached(long shared) {
    return shared < MIN_CACHED ? 0 : shared / CACHE_STEP * CACHE_STEP;
  }

  /** One message of a request, whichever library made it. */
  record Message(String role, String text) {}
}
