package dev.xct.core.internal.json;

/**
 * Records that {@link RecordAccessTest} loads through a class loader of its own, so that they live
 * in an unnamed module as they would on the class path. Nothing else here: loading must not pull in
 * test libraries.
 */
final class ClassPathRecords {
  private ClassPathRecords() {}

  private record Secret(String name) {}
}
