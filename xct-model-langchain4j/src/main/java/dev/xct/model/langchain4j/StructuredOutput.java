package dev.xct.model.langchain4j;

/** Chooses how {@link LangChain4jModelClient} asks the model to shape its output. */
public enum StructuredOutput {
  /**
   * Sends the {@link dev.xct.model.support.ProposalSchema} as a JSON-schema response format when
   * the model declares {@code Capability.RESPONSE_FORMAT_JSON_SCHEMA}, and nothing otherwise. The
   * default.
   */
  AUTO,
  /** Always sends the JSON-schema response format; models without support throw on every call. */
  JSON_SCHEMA,
  /** Sends LangChain4j's plain JSON response format (valid JSON, shape unchecked). */
  JSON,
  /** Sends no response format: the prompt alone asks for the JSON reply. */
  NONE
}
