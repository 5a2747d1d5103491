/** Test support for XCT users: a scripted model client and a recording tool. */
module dev.xct.test {
  requires transitive dev.xct.core;

  exports dev.xct.test;
}
