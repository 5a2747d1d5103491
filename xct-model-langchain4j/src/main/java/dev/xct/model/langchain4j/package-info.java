/**
 * Connects XCT to LangChain4j: {@link dev.xct.model.langchain4j.LangChain4jModelClient} wraps any
 * LangChain4j {@code ChatModel}. LangChain4j itself is a {@code provided} dependency: bring your
 * own version (built and tested against 1.19).
 */
package dev.xct.model.langchain4j;
