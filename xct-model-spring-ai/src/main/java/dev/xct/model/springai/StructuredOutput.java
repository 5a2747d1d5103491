package dev.xct.model.springai;

/** Chooses how {@link SpringAiModelClient} asks a {@code ChatModel} to shape its output. */
public enum StructuredOutput {
  /**
   * Sends the {@link dev.xct.model.support.ProposalSchema} as Spring AI's output schema when the
   * model's options support one ({@code StructuredOutputChatOptions}). The default.
   */
  AUTO,
  /** Always sends the output schema. */
  JSON_SCHEMA,
  /** Sends no output schema: the prompt alone asks for the JSON reply. */
  NONE
}
