package dev.xct.core;

import dev.xct.core.tool.Tool;
import dev.xct.core.validate.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Bundles tools with the validators they need, so that one call registers both: {@link
 * dev.xct.core.loop.ExecutionLoop.Builder#toolkit(Toolkit)} adds the tools to the loop's registry
 * and the validators to its chain, right after the built-in checks. Tool libraries hand their tools
 * out this way (the file tools with the {@code fs-confinement} validator that checks their paths
 * before anything runs, the shell tool with {@code shell-allowlist}), and so can yours:
 *
 * <pre>{@code
 * Toolkit orders = Toolkit.of(List.of(new RefundTool(), new StatusTool()),
 *     List.of(Validator.named("refund-limit", (proposal, context) -> checkLimit(proposal))));
 * }</pre>
 *
 * <p>Building fails fast: two tools of the same name throw {@link XctException} naming the tool, a
 * null tool or validator throws {@link NullPointerException}. Immutable and thread-safe, as its
 * tools and validators must be.
 */
public final class Toolkit {
  private final List<Tool> tools;
  private final List<Validator> validators;

  private Toolkit(List<? extends Tool> tools, List<? extends Validator> validators) {
    this.tools = List.copyOf(tools);
    this.validators = List.copyOf(validators);
    Set<String> names = new HashSet<>();
    for (Tool tool : this.tools) {
      String name = tool.spec().name();
      if (!names.add(name)) {
        throw new XctException("duplicate tool name '" + name + "' in a toolkit");
      }
    }
  }

  /**
   * Returns a toolkit of {@code tools} that needs no validators.
   *
   * @throws XctException if two tools share a name
   * @throws NullPointerException if a tool is null
   */
  public static Toolkit of(Tool... tools) {
    return new Toolkit(List.of(tools), List.of());
  }

  /**
   * Returns a toolkit of {@code tools} and the {@code validators} they need, both in order.
   *
   * @throws XctException if two tools share a name
   * @throws NullPointerException if a tool or a validator is null
   */
  public static Toolkit of(List<? extends Tool> tools, List<? extends Validator> validators) {
    return new Toolkit(tools, validators);
  }

  /** Returns the tools, in order. */
  public List<Tool> tools() {
    return tools;
  }

  /** Returns the validators, in the order they run. */
  public List<Validator> validators() {
    return validators;
  }

  /**
   * Returns a toolkit with this one's tools and validators followed by {@code other}'s.
   *
   * @throws XctException if a tool of {@code other} has the name of one of this toolkit's tools
   */
  public Toolkit and(Toolkit other) {
    Objects.requireNonNull(other, "other");
    List<Tool> allTools = new ArrayList<>(tools);
    allTools.addAll(other.tools);
    List<Validator> allValidators = new ArrayList<>(validators);
    allValidators.addAll(other.validators);
    return new Toolkit(allTools, allValidators);
  }

  @Override
  public String toString() {
    return "Toolkit["
        + tools.stream().map(tool -> tool.spec().name()).toList()
        + ", validators="
        + validators.stream().map(Validator::name).toList()
        + "]";
  }
}
