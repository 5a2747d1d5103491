/**
 * Connects XCT to any OpenAI-compatible chat-completions endpoint through {@link
 * dev.xct.model.openai.OpenAiModelClient}, on {@code java.net.http} and Jackson only. The proposal
 * schema, the reply rules, the faults, the transport exception and the token budget it uses are the
 * ones every adapter shares, in {@code dev.xct.model.support}.
 *
 * <p>Every type here is immutable and thread-safe unless its Javadoc says otherwise.
 */
package dev.xct.model.openai;
