/**
 * Connects XCT to Spring AI: {@link dev.xct.model.springai.SpringAiModelClient} wraps a Spring AI
 * {@code ChatModel} or {@code ChatClient}. Spring AI itself is a {@code provided} dependency: bring
 * your own version (built and tested against 2.0, which runs on Java 17).
 */
package dev.xct.model.springai;
