package dev.xct.core.tool;

import dev.xct.core.XctException;
import dev.xct.core.protocol.Result;
import java.util.Objects;

/**
 * Makes tools from lambdas. Each factory returns a {@link TypedTool} whose schema is {@linkplain
 * JsonSchemas#forRecord generated from the argument record} unless a spec builder supplies one.
 *
 * <pre>{@code
 * public record Greeting(String name) {}
 *
 * Tool greet = Tools.typed("greet", "Greets someone by name", Greeting.class,
 *     (args, context) -> Result.success("Hello, " + args.name()));
 * }</pre>
 *
 * <p>Stateless and thread-safe; the tools are as thread-safe as their handlers.
 */
public final class Tools {
  private Tools() {}

  /**
   * Returns a tool without hints.
   *
   * @throws XctException if the name is invalid, the record has no generated schema, or Jackson
   *     cannot construct it; see {@link TypedTool}
   */
  public static <A extends Record> TypedTool<A> typed(
      String name, String description, Class<A> argumentsType, TypedHandler<A> handler) {
    return typed(name, description, ToolHints.none(), argumentsType, handler);
  }

  /**
   * Returns a tool with {@code hints}.
   *
   * @throws XctException if the name is invalid, the record has no generated schema, or Jackson
   *     cannot construct it; see {@link TypedTool}
   */
  public static <A extends Record> TypedTool<A> typed(
      String name,
      String description,
      ToolHints hints,
      Class<A> argumentsType,
      TypedHandler<A> handler) {
    return typed(
        ToolSpec.builder(name).description(description).hints(hints), argumentsType, handler);
  }

  /**
   * Returns a tool from a spec builder (for timeouts or a hand-written schema); see {@link
   * TypedTool#TypedTool(ToolSpec.Builder, Class)}.
   *
   * @throws XctException if no schema was given and the record has no generated schema, or Jackson
   *     cannot construct the record; see {@link TypedTool}
   */
  public static <A extends Record> TypedTool<A> typed(
      ToolSpec.Builder spec, Class<A> argumentsType, TypedHandler<A> handler) {
    return new HandlerTool<>(spec, argumentsType, handler);
  }

  private static final class HandlerTool<A extends Record> extends TypedTool<A> {
    private final TypedHandler<A> handler;

    HandlerTool(ToolSpec.Builder spec, Class<A> argumentsType, TypedHandler<A> handler) {
      super(spec, argumentsType);
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Result execute(A arguments, ToolContext context) {
      return handler.execute(arguments, context);
    }

    @Override
    public String toString() {
      return "Tool[" + spec().name() + "]";
    }
  }
}
