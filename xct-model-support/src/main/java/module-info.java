/**
 * What every XCT model adapter shares, whichever client it wraps. Exports only the API package; the
 * schema builders and reply rules under {@code dev.xct.model.support.internal} are hidden.
 */
module dev.xct.model.support {
  requires transitive dev.xct.core;

  exports dev.xct.model.support;
}
