package dev.xct.model.support;

import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.model.support.internal.ReplyTexts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds one provider reply in a provider-neutral form (text, refusal, finish reason, tool calls,
 * usage) and decides what the loop receives for it. Every adapter maps its client's response to
 * this value, so refusals, truncation and multiple tool calls are judged the same way whichever
 * client produced them.
 *
 * <p>{@link #toReply()} applies these rules, in order:
 *
 * <ol>
 *   <li>a refusal, or a reply stopped by the provider's content filter, is the fault {@link
 *       ModelFault#MODEL_REFUSED};
 *   <li>more than one tool call is {@link ModelFault#MULTIPLE_ACTIONS};
 *   <li>a reply cut off at the token limit whose JSON is incomplete is {@link
 *       ModelFault#OUTPUT_TRUNCATED} (complete JSON that merely ended at the limit is kept);
 *   <li>one tool call becomes the proposal (or, for {@value ToolFunctions#DONE}, the done decision)
 *       it stands for, as canonical protocol JSON;
 *   <li>anything else is the text itself, for the codec to judge; empty text is the codec's {@code
 *       EMPTY_REPLY}.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 *
 * @param content the reply's text; empty when there was none
 * @param refusal the provider's refusal text; empty when the model did not refuse
 * @param finish why the provider stopped generating
 * @param calls the tool calls in the reply, in order (native tool calling only)
 * @param usage tokens used, or {@link TokenUsage#unknown()}
 */
public record Completion(
    String content, String refusal, Finish finish, List<Call> calls, TokenUsage usage) {

  /** Names why the provider stopped generating. */
  public enum Finish {
    /** The model finished its reply. */
    STOP,
    /** The output token limit was reached. */
    LENGTH,
    /** The model called a tool. */
    TOOL_CALLS,
    /** The provider's content filter stopped the reply. */
    CONTENT_FILTER,
    /** The provider reported nothing, or a reason XCT does not know. */
    OTHER;

    /**
     * Maps a provider's finish reason ({@code stop}, {@code length}, {@code tool_calls}, {@code
     * content_filter}, LangChain4j's and Spring AI's upper-case names...) to a {@link Finish}.
     */
    public static Finish parse(String reason) {
      if (reason == null) {
        return OTHER;
      }
      return switch (reason.toLowerCase(Locale.ROOT)) {
        case "stop", "end_turn", "stop_sequence" -> STOP;
        case "length", "max_tokens" -> LENGTH;
        case "tool_calls", "function_call", "tool_execution", "tool_use" -> TOOL_CALLS;
        case "content_filter", "safety" -> CONTENT_FILTER;
        default -> OTHER;
      };
    }
  }

  /**
   * Holds one native tool call as the provider returned it.
   *
   * @param function the function name the model called (see {@link ToolFunctions})
   * @param arguments the arguments as JSON text, exactly as sent
   */
  public record Call(String function, String arguments) {
    /**
     * @throws NullPointerException if a component is null
     */
    public Call {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(arguments, "arguments");
    }
  }

  /**
   * @throws NullPointerException if a component is null
   */
  public Completion {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(finish, "finish");
    calls = List.copyOf(calls);
    Objects.requireNonNull(usage, "usage");
  }

  /** Returns a plain text reply, as from a client without tool calls or refusals. */
  public static Completion ofText(String content, Finish finish, TokenUsage usage) {
    return new Completion(content, "", finish, List.of(), usage);
  }

  /** Returns the fault this reply amounts to, or empty if it is text for the codec to judge. */
  public Optional<ModelFault> fault() {
    return ReplyTexts.fault(this);
  }

  /** Returns what the loop receives: the fault's reply, or the reply text for the codec. */
  public ModelReply toReply() {
    Optional<ModelFault> fault = fault();
    if (fault.isPresent()) {
      return fault.get().toReply(usage);
    }
    return new ModelReply(ReplyTexts.text(this), usage);
  }
}
