/**
 * Connects XCT to language models: {@link dev.xct.model.openai.OpenAiModelClient} for any
 * OpenAI-compatible chat-completions endpoint, and the pieces every adapter shares: the {@link
 * dev.xct.model.openai.ProposalSchema} that lets a server constrain its output to valid decisions,
 * the provider-neutral {@link dev.xct.model.openai.Completion} with its {@link
 * dev.xct.model.openai.ModelFault}s, {@link dev.xct.model.openai.ModelTransportException} for
 * transport failures, and the {@link dev.xct.model.openai.TokenBudget} validator.
 *
 * <p>Every type here is immutable and thread-safe unless its Javadoc says otherwise.
 */
package dev.xct.model.openai;
