package dev.xct.model.openai.internal;

import dev.xct.core.TokenUsage;
import dev.xct.model.support.Completion;
import dev.xct.model.support.internal.Jsons;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads chat-completions response bodies as OpenAI, Azure OpenAI, vLLM, llama.cpp, Ollama, LM
 * Studio and DeepSeek send them: {@code choices[0].message} with {@code content}, {@code refusal}
 * and {@code tool_calls}, {@code choices[0].finish_reason}, and {@code usage}.
 */
public final class ResponseReader {
  private static final int EXCERPT = 200;

  private ResponseReader() {}

  /**
   * Returns the completion in {@code body}, or null when the body is not a chat completion (the
   * caller reports that as an invalid response).
   */
  public static Completion completion(String body) {
    JsonNode root = Jsons.tryParse(body).orElse(null);
    if (root == null || !root.isObject()) {
      return null;
    }
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      return null;
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.get("message");
    if (message == null || !message.isObject()) {
      return null;
    }
    return new Completion(
        content(message.get("content")),
        Jsons.text(message, "refusal"),
        Completion.Finish.parse(Jsons.text(choice, "finish_reason")),
        calls(message.get("tool_calls")),
        usage(root.get("usage")));
  }

  /**
   * Says what a 2xx body that is not a chat completion holds, for an error message: the endpoint's
   * own error message if it sent one, otherwise a short excerpt of the body, or that it was empty.
   */
  public static String unexpected(String body) {
    if (body == null || body.isBlank()) {
      return "an empty body";
    }
    String message = errorMessage(body);
    return message.isEmpty() ? excerpt(body) : message;
  }

  /** Returns the endpoint's own error message from an error body, or a short excerpt of it. */
  public static String errorMessage(String body) {
    JsonNode root = Jsons.tryParse(body).orElse(null);
    if (root == null || !root.isObject()) {
      return body == null ? "" : excerpt(body);
    }
    JsonNode error = root.get("error");
    if (error != null && error.isString()) {
      return error.stringValue();
    }
    JsonNode source = error != null && error.isObject() ? error : root;
    String message = Jsons.text(source, "message");
    JsonNode code = source.get("code");
    String label =
        code != null && code.isString() ? code.stringValue() : Jsons.text(source, "type");
    return label.isEmpty() ? message : message + " (" + label + ")";
  }

  /**
   * Returns the start of {@code body} on one line: white space and control characters collapse to
   * one space, and a cut never splits a surrogate pair; a cut body ends with its length.
   */
  static String excerpt(String body) {
    String line = body.strip().replaceAll("[\\s\\p{Cntrl}]+", " ");
    if (line.length() <= EXCERPT) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
    return line.substring(0, end) + "… (" + body.length() + " characters)";
  }

  /** Reads {@code content}: a string, null, or an array of text parts. */
  private static String content(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isString()) {
      return content.stringValue();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        text.append(Jsons.text(part, "text"));
      }
      return text.toString();
    }
    return Jsons.write(content);
  }

  private static List<Completion.Call> calls(JsonNode toolCalls) {
    List<Completion.Call> calls = new ArrayList<>();
    if (toolCalls == null || !toolCalls.isArray()) {
      return calls;
    }
    for (JsonNode call : toolCalls) {
      JsonNode function = call.get("function");
      if (function == null || !function.isObject()) {
        continue;
      }
      JsonNode arguments = function.get("arguments");
      String text =
          arguments == null || arguments.isNull()
              ? "{}"
              : arguments.isString() ? arguments.stringValue() : Jsons.write(arguments);
      calls.add(new Completion.Call(Jsons.text(function, "name"), text));
    }
    return calls;
  }

  /**
   * Reads the counts, cached prompt tokens from {@code prompt_tokens_details.cached_tokens}
   * (OpenAI, Azure, vLLM and SGLang when they report it) or else DeepSeek's {@code
   * prompt_cache_hit_tokens}; a server that says more were cached than it read is believed up to
   * what it read.
   */
  private static TokenUsage usage(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return TokenUsage.unknown();
    }
    long prompt = count(usage.get("prompt_tokens"));
    long completion = count(usage.get("completion_tokens"));
    JsonNode details = usage.get("prompt_tokens_details");
    JsonNode cached = details == null ? null : details.get("cached_tokens");
    if (cached == null || cached.isNull()) {
      cached = usage.get("prompt_cache_hit_tokens");
    }
    return new TokenUsage(prompt, completion, Math.min(count(cached), prompt));
  }

  private static long count(JsonNode value) {
    return value != null && value.canConvertToLong() && value.asLong() > 0 ? value.asLong() : 0;
  }
}
