/**
 * Connects XCT to LangChain4j: {@link dev.xct.model.langchain4j.LangChain4jModelClient} wraps any
 * LangChain4j {@code ChatModel}. LangChain4j itself is a {@code provided} dependency: bring your
 * own version (built and tested against 1.19). {@code langchain4j-open-ai} is optional: when it is
 * on the class path, the cached prompt tokens its {@code OpenAiTokenUsage} reports are counted;
 * LangChain4j's own {@code TokenUsage} has no such count.
 *
 * <p>The jar is the automatic module {@code dev.xct.model.langchain4j} (LangChain4j's jars have no
 * module names for a descriptor to require). An automatic module exports every package, so the
 * implementation lives here as package-private classes rather than in an {@code internal} package:
 * the public types are the API, on the class path and the module path alike.
 */
package dev.xct.model.langchain4j;
