/** XCT's OpenAI-compatible model client. Exports only the API package. */
module dev.xct.model.openai {
  requires transitive dev.xct.core;
  requires transitive dev.xct.model.support;
  requires transitive java.net.http;
  requires org.slf4j;

  exports dev.xct.model.openai;
}
