/**
 * What every XCT model adapter shares, whichever client it wraps. Exports only the API package; the
 * schema builders and reply rules under {@code dev.xct.model.support.internal} are hidden.
 */
@SuppressWarnings("module") // the OpenAI adapter is built after this module
module dev.xct.model.support {
  requires transitive dev.xct.core;

  exports dev.xct.model.support;
  // The adapters' shared JSON helper; other modules never read it.
  exports dev.xct.model.support.internal to
      dev.xct.model.openai;
}
