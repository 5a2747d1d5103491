package dev.xct.model.openai;

import dev.xct.model.support.ModelFault;
import dev.xct.model.support.ProposalSchema;

/**
 * Chooses how {@link OpenAiModelClient} asks the endpoint to shape the model's output.
 *
 * <p>Whatever the mode, the reply is decoded and validated by XCT as usual: constrained decoding
 * makes a valid proposal more likely, it never replaces validation.
 */
public enum OutputMode {
  /**
   * Sends {@code response_format} of type {@code json_schema} with the {@link ProposalSchema}: the
   * strict form with {@code "strict": true} when every tool's schema allows it, else the exact form
   * with {@code "strict": false}. If the endpoint rejects the schema with HTTP 400 naming {@code
   * response_format}, the client steps down (strict, then non-strict, then {@link #JSON_OBJECT})
   * and sends the same request again, once per step, remembering the step for later calls; see
   * {@code docs/models.md}. The default.
   */
  JSON_SCHEMA,

  /** Sends {@code response_format} {@code {"type":"json_object"}}: valid JSON, shape unchecked. */
  JSON_OBJECT,

  /**
   * Offers every tool as a function ({@code fs.write} as {@code fs-write}) plus {@code DONE}, with
   * {@code tool_choice} {@code required} and {@code parallel_tool_calls} false, and maps the call
   * back to a proposal. More than one call in a reply is the fault {@link
   * ModelFault#MULTIPLE_ACTIONS}.
   */
  TOOL_CALLS,

  /** Sends nothing beyond the messages: the prompt alone asks for the JSON reply. */
  PROMPT_ONLY
}
