package dev.xct.core.internal.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Names a place inside a value for error messages, as a reader of Java or JavaScript would write
 * it: {@code result.items[2].owner}, {@code details["content-type"]}. Built as a linked list, one
 * small node per level, and rendered only when a message needs it. Immutable and thread-safe.
 */
final class ValuePath {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final ValuePath parent;
  private final String member;
  private final int index;

  private ValuePath(ValuePath parent, String member, int index) {
    this.parent = parent;
    this.member = member;
    this.index = index;
  }

  /** Returns the path of a whole value called {@code name}. */
  static ValuePath root(String name) {
    return new ValuePath(null, name, -1);
  }

  /** Returns the path of the member {@code name} of the object here. */
  ValuePath member(String name) {
    return new ValuePath(this, name, -1);
  }

  /** Returns the path of the element {@code index} of the array here. */
  ValuePath index(int index) {
    return new ValuePath(this, null, index);
  }

  @Override
  public String toString() {
    Deque<ValuePath> steps = new ArrayDeque<>();
    for (ValuePath step = this; step != null; step = step.parent) {
      steps.push(step);
    }
    StringBuilder out = new StringBuilder(steps.pop().member);
    for (ValuePath step : steps) {
      if (step.member == null) {
        out.append('[').append(step.index).append(']');
      } else if (IDENTIFIER.matcher(step.member).matches()) {
        out.append('.').append(step.member);
      } else {
        out.append('[').append(Json.MAPPER.writeValueAsString(step.member)).append(']');
      }
    }
    return out.toString();
  }
}
