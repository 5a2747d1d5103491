package dev.xct.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Summarises the per-round figures of the interleaved cross-checks. Stateless. */
final class Rounds {
  private Rounds() {}

  /** Returns {@code values} sorted ascending. */
  static double[] sorted(List<Double> values) {
    double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a;
  }

  /** Returns the median of the sorted array {@code a}. */
  static double median(double[] a) {
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
