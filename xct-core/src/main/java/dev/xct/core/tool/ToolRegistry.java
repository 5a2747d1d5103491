package dev.xct.core.tool;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.schema.SchemaCompiler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the tools a loop may dispatch to, each under its unique name, with its input schema
 * compiled once.
 *
 * <p>Building fails fast: a duplicate name, a name outside {@link ToolSpec#NAME_PATTERN} or a
 * schema that does not compile throws {@link XctException} naming the tool (a schema whose {@code
 * type} does not allow the arguments object fails even earlier, in {@link
 * ToolSpec.Builder#inputSchema(JsonValue)}). Immutable and thread-safe.
 */
public final class ToolRegistry {
  private static final ToolRegistry EMPTY = new ToolRegistry(new LinkedHashMap<>());

  private final Map<String, Entry> entries;
  private final List<ToolSpec> specs;

  private record Entry(Tool tool, ToolSpec spec, SchemaCompiler.Compiled schema) {}

  private ToolRegistry(LinkedHashMap<String, Entry> entries) {
    this.entries = Map.copyOf(entries);
    List<ToolSpec> ordered = new ArrayList<>();
    entries.values().forEach(entry -> ordered.add(entry.spec()));
    this.specs = List.copyOf(ordered);
  }

  /** Returns a registry holding {@code tools}, in the given order. */
  public static ToolRegistry of(Tool... tools) {
    return builder().add(tools).build();
  }

  /** Returns a registry without tools. */
  public static ToolRegistry empty() {
    return EMPTY;
  }

  /** Returns a builder for a registry. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a registry holding this registry's tools and then {@code tools}; this one is unchanged.
   * Schemas already compiled are not compiled again.
   *
   * @throws XctException as {@link Builder#add(Tool...)} does, also if a tool reuses a name of this
   *     registry
   */
  public ToolRegistry plus(Collection<? extends Tool> tools) {
    if (tools.isEmpty()) {
      return this;
    }
    Builder all = builder();
    specs.forEach(spec -> all.entries.put(spec.name(), entries.get(spec.name())));
    return all.addAll(tools).build();
  }

  /** Returns the tool registered under {@code name}, or empty. */
  public Optional<Tool> find(String name) {
    Entry entry = name == null ? null : entries.get(name);
    return entry == null ? Optional.empty() : Optional.of(entry.tool());
  }

  /** Returns the spec registered under {@code name}, or empty. */
  public Optional<ToolSpec> spec(String name) {
    Entry entry = name == null ? null : entries.get(name);
    return entry == null ? Optional.empty() : Optional.of(entry.spec());
  }

  /** Returns whether a tool named {@code name} is registered. */
  public boolean contains(String name) {
    return name != null && entries.containsKey(name);
  }

  /** Returns every tool's spec, in registration order. */
  public List<ToolSpec> specs() {
    return specs;
  }

  /** Returns the number of registered tools. */
  public int size() {
    return specs.size();
  }

  /**
   * Checks {@code arguments} against the input schema of tool {@code name}; the result is empty
   * when they match.
   *
   * @throws XctException if no tool of that name is registered
   */
  public List<SchemaViolation> validate(String name, JsonValue arguments) {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw new XctException("no tool named '" + name + "' is registered");
    }
    return entry.schema().validate(arguments);
  }

  /** Collects tools for a {@link ToolRegistry}. Not thread-safe. */
  public static final class Builder {
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds tools.
     *
     * @throws XctException if a tool is null, has an invalid name, reuses a name, or its schema
     *     does not compile
     */
    public Builder add(Tool... tools) {
      for (Tool tool : tools) {
        addOne(tool);
      }
      return this;
    }

    /** Adds every tool of {@code tools}; see {@link #add(Tool...)}. */
    public Builder addAll(Collection<? extends Tool> tools) {
      tools.forEach(this::addOne);
      return this;
    }

    private void addOne(Tool tool) {
      Objects.requireNonNull(tool, "tool");
      ToolSpec spec = tool.spec();
      if (spec == null) {
        throw new XctException("tool " + tool.getClass().getName() + " returned a null spec");
      }
      String name = spec.name();
      if (!ToolSpec.isValidName(name)) {
        throw new XctException("tool name '" + name + "' must match " + ToolSpec.NAME_PATTERN);
      }
      if (entries.containsKey(name)) {
        throw new XctException("duplicate tool name '" + name + "'");
      }
      SchemaCompiler.Compiled schema =
          SchemaCompiler.compile("tool '" + name + "'", spec.inputSchema());
      entries.put(name, new Entry(tool, spec, schema));
    }

    /** Returns the immutable registry. */
    public ToolRegistry build() {
      return new ToolRegistry(entries);
    }
  }
}
