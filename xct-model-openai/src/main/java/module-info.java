/**
 * XCT's OpenAI-compatible model client and the model-side pieces the other adapters share. Exports
 * only the API package.
 */
module dev.xct.model.openai {
  requires transitive dev.xct.core;
  requires transitive java.net.http;
  requires org.slf4j;

  exports dev.xct.model.openai;
}
