package dev.xct.tools.shell;

import dev.xct.core.XctException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists the options a program (or one of its subcommands) accepts, each with its {@link
 * OptionKind}, and the options it refuses, each with the reason the model is told.
 *
 * <p>A table is an allowlist: the checker refuses an option it does not list, unless the program is
 * explicitly {@linkplain ProgramBuilder#unvettedOptionsAtOwnRisk() unvetted}. Denied options are
 * refused in every spelling, wherever they stand.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; change with {@link #toBuilder()}.
 */
public final class Options {
  private static final Options NONE = new Options(Map.of(), Map.of());

  private final Map<String, OptionKind> kinds;
  private final Map<String, String> denied;

  private Options(Map<String, OptionKind> kinds, Map<String, String> denied) {
    this.kinds = kinds;
    this.denied = denied;
  }

  /** Returns the empty table: no option accepted, none denied. */
  public static Options none() {
    return NONE;
  }

  /** Returns a builder of an empty table. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns every accepted option and its kind, in declaration order. */
  public Map<String, OptionKind> kinds() {
    return kinds;
  }

  /** Returns every denied option and the reason the model is told, in declaration order. */
  public Map<String, String> denied() {
    return denied;
  }

  /** Returns the kind of {@code option} if it is accepted (spelled exactly). */
  public Optional<OptionKind> kind(String option) {
    return Optional.ofNullable(kinds.get(option));
  }

  /** Returns whether the table accepts or denies no option at all. */
  public boolean isEmpty() {
    return kinds.isEmpty() && denied.isEmpty();
  }

  /**
   * Returns this table with {@code other} laid over it: options of {@code other} replace the kinds
   * of the same options here, denials add up, and an option denied by either is denied.
   */
  public Options with(Options other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Builder merged = toBuilder();
    merged.kinds.putAll(other.kinds);
    merged.denied.putAll(other.denied);
    merged.kinds.keySet().removeAll(merged.denied.keySet());
    return merged.build();
  }

  /** Returns a builder holding this table. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.kinds.putAll(kinds);
    builder.denied.putAll(denied);
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Options that && kinds.equals(that.kinds) && denied.equals(that.denied);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kinds, denied);
  }

  @Override
  public String toString() {
    return "Options[kinds=" + kinds + ", denied=" + denied.keySet() + "]";
  }

  /** Configures {@link Options}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final Map<String, OptionKind> kinds = new LinkedHashMap<>();
    private final Map<String, String> denied = new LinkedHashMap<>();

    private Builder() {}

    /** Accepts {@code options} with {@code kind}, replacing an earlier kind of the same option. */
    public Builder options(OptionKind kind, String... options) {
      Objects.requireNonNull(kind, "kind");
      for (String option : options) {
        kinds.put(Objects.requireNonNull(option, "option"), kind);
      }
      return this;
    }

    /** Accepts options that take no value. */
    public Builder flags(String... options) {
      return options(OptionKind.FLAG, options);
    }

    /** Accepts options that require a value that is not a path. */
    public Builder valueOptions(String... options) {
      return options(OptionKind.VALUE, options);
    }

    /** Accepts options that require a path, confined to the roots like an operand. */
    public Builder pathOptions(String... options) {
      return options(OptionKind.PATH, options);
    }

    /** Accepts options whose value is optional and attached only ({@code --color[=WHEN]}). */
    public Builder optionalValueOptions(String... options) {
      return options(OptionKind.OPTIONAL_VALUE, options);
    }

    /** Accepts options whose optional, attached-only value is a path, confined. */
    public Builder optionalPathOptions(String... options) {
      return options(OptionKind.OPTIONAL_PATH, options);
    }

    /**
     * Denies {@code option} in every spelling, and stops accepting it if it was; the model is told
     * {@code reason}.
     */
    public Builder deniedOption(String option, String reason) {
      denied.put(
          Objects.requireNonNull(option, "option"), Objects.requireNonNull(reason, "reason"));
      kinds.remove(option);
      return this;
    }

    /** Denies each of {@code options} in every spelling, with a generic reason. */
    public Builder deniedOptions(String... options) {
      for (String option : options) {
        deniedOption(option, "denied by policy");
      }
      return this;
    }

    /**
     * Returns the immutable table.
     *
     * @throws XctException if an option is both accepted and denied
     */
    public Options build() {
      for (String option : denied.keySet()) {
        if (kinds.containsKey(option)) {
          throw new XctException("option " + option + " is both denied and accepted");
        }
      }
      if (kinds.isEmpty() && denied.isEmpty()) {
        return NONE;
      }
      return new Options(
          Collections.unmodifiableMap(new LinkedHashMap<>(kinds)),
          Collections.unmodifiableMap(new LinkedHashMap<>(denied)));
    }
  }
}
