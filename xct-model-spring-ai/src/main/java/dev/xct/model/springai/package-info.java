/**
 * Connects XCT to Spring AI: {@link dev.xct.model.springai.SpringAiModelClient} wraps a Spring AI
 * {@code ChatModel} or {@code ChatClient}. Spring AI itself is a {@code provided} dependency: bring
 * your own version (built and tested against 2.0, which runs on Java 17).
 *
 * <p>The jar is the automatic module {@code dev.xct.model.springai} (Spring AI's jars have no
 * module names for a descriptor to require). An automatic module exports every package, so the
 * implementation lives here as package-private classes rather than in an {@code internal} package:
 * the public types are the API, on the class path and the module path alike.
 */
package dev.xct.model.springai;
