package dev.xct.core.tool;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.Binder;
import dev.xct.core.internal.json.Hashes;
import dev.xct.core.internal.json.RecordAccess;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implements a tool whose arguments arrive as a Java record: the shortest way to write a custom
 * tool. Subclasses implement {@link #execute(Record, ToolContext)}; this class supplies the spec,
 * with a schema {@linkplain JsonSchemas#forRecord generated from the record} unless one is given,
 * and binds the JSON arguments to the record.
 *
 * <pre>{@code
 * public record RefundArgs(String orderId, long amountCents, Optional<String> note) {}
 *
 * final class RefundTool extends TypedTool<RefundArgs> {
 *   RefundTool() {
 *     super("orders.refund", "Refunds part of an order", ToolHints.none(), RefundArgs.class);
 *   }
 *
 *   public Result execute(RefundArgs args, ToolContext context) {
 *     return Result.success(Map.of("refunded", args.amountCents()));
 *   }
 * }
 * }</pre>
 *
 * <p>The loop validates arguments against the schema before the tool runs, so binding normally
 * succeeds. When it does not (a hand-written schema looser than the record, an {@code int} given
 * 2<sup>40</sup>, a record constructor that throws {@link IllegalArgumentException}), the call
 * returns an {@code INVALID_ARGUMENTS} failure naming the JSON Pointer of the offending member and
 * never Java types or stack traces; the handler does not run. Binding is {@link JsonValue#bind}'s.
 *
 * <p>Jackson constructs the record, so on the module path it must be {@code public} in a package
 * exported to {@code tools.jackson.databind} (an unqualified {@code exports} will do), or its
 * package must be open to {@code tools.jackson.databind}; the same holds for every record it
 * contains. This is checked when the tool is built, so the model is never blamed for it; on the
 * class path every record passes. See {@code docs/jpms.md}.
 *
 * <p>Thread-safe if the subclass is: one instance serves every call.
 */
public abstract class TypedTool<A extends Record> implements Tool {
  private static final Logger LOG = LoggerFactory.getLogger(TypedTool.class);

  private final ToolSpec spec;
  private final Class<A> argumentsType;
  private final Binder.Bound<A> binder;

  /**
   * Creates a tool with the generated schema and no hints.
   *
   * @throws XctException if the name is invalid, the record has no generated schema, or Jackson
   *     cannot construct it (not exported or opened to it on the module path)
   */
  protected TypedTool(String name, String description, Class<A> argumentsType) {
    this(name, description, ToolHints.none(), argumentsType);
  }

  /**
   * Creates a tool with the generated schema and the given hints.
   *
   * @throws XctException if the name is invalid, the record has no generated schema, or Jackson
   *     cannot construct it (not exported or opened to it on the module path)
   */
  protected TypedTool(String name, String description, ToolHints hints, Class<A> argumentsType) {
    this(ToolSpec.builder(name).description(description).hints(hints), argumentsType);
  }

  /**
   * Creates a tool from a spec builder, for timeouts and hand-written schemas. If the builder was
   * given no {@linkplain ToolSpec.Builder#inputSchema(JsonValue) input schema}, the generated one
   * is used. The builder is not changed.
   *
   * @throws XctException if no schema was given and the record has no generated schema, or Jackson
   *     cannot construct the record (not exported or opened to it on the module path)
   */
  protected TypedTool(ToolSpec.Builder spec, Class<A> argumentsType) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(argumentsType, "argumentsType");
    if (!argumentsType.isRecord()) {
      throw new XctException("arguments type must be a record, was: " + argumentsType.getName());
    }
    ToolSpec built = spec.build();
    this.spec =
        spec.hasInputSchema()
            ? built
            : built.toBuilder().inputSchema(generated(built.name(), argumentsType)).build();
    RecordAccess.check(argumentsType, "tool '" + built.name() + "'");
    this.argumentsType = argumentsType;
    this.binder = Binder.of(argumentsType);
  }

  private static JsonValue generated(String tool, Class<? extends Record> argumentsType) {
    try {
      return JsonSchemas.forRecord(argumentsType);
    } catch (XctException e) {
      throw new XctException(
          "input schema of tool '" + tool + "' cannot be generated: " + e.getMessage(), e);
    }
  }

  /** Performs the call with arguments already bound to the record. */
  public abstract Result execute(A arguments, ToolContext context);

  /**
   * Describes what {@link #execute(Record, ToolContext)} would change, without changing anything;
   * see {@link Tool#preview}. The default describes nothing.
   */
  public Optional<JsonValue> preview(A arguments, ToolContext context) {
    return Optional.empty();
  }

  /**
   * Returns what changes when what {@link #preview(Record, ToolContext)} showed no longer holds;
   * see {@link Tool#fingerprint}. The default hashes the preview.
   */
  public Optional<String> fingerprint(A arguments, ToolContext context) {
    return preview(arguments, context).map(preview -> Hashes.sha256(preview.toCanonicalJson()));
  }

  /**
   * Finds out, without changing anything, what became of an earlier call whose outcome a crash left
   * unknown; see {@link Tool#checkOutcome}. The default knows nothing.
   */
  public Optional<JsonValue> checkOutcome(A arguments, ToolContext context) {
    return Optional.empty();
  }

  @Override
  public final ToolSpec spec() {
    return spec;
  }

  /** Returns the record class the arguments bind to. */
  public final Class<A> argumentsType() {
    return argumentsType;
  }

  /** Binds the arguments and runs {@link #execute(Record, ToolContext)}, or reports the misfit. */
  @Override
  public final Result execute(ToolCall call, ToolContext context) {
    A arguments;
    try {
      arguments = binder.bind(call.arguments());
    } catch (Binder.BindingException e) {
      LOG.warn(
          "arguments of tool '{}' passed its schema but do not bind: {}",
          spec.name(),
          e.getMessage());
      return Result.failure(
          ErrorCodes.INVALID_ARGUMENTS,
          "arguments of '" + spec.name() + "' do not fit at '" + e.pointer() + "': " + e.reason(),
          Map.of("violations", List.of(Map.of("pointer", e.pointer(), "message", e.reason()))));
    }
    return execute(arguments, context);
  }

  /**
   * Binds the arguments and asks {@link #preview(Record, ToolContext)}; empty if they do not fit.
   */
  @Override
  public final Optional<JsonValue> preview(ToolCall call, ToolContext context) {
    return bound(call).flatMap(arguments -> preview(arguments, context));
  }

  /**
   * Binds the arguments and asks {@link #fingerprint(Record, ToolContext)}; empty if they do not
   * fit.
   */
  @Override
  public final Optional<String> fingerprint(ToolCall call, ToolContext context) {
    return bound(call).flatMap(arguments -> fingerprint(arguments, context));
  }

  /**
   * Binds the arguments and asks {@link #checkOutcome(Record, ToolContext)}; empty if they do not
   * fit.
   */
  @Override
  public final Optional<JsonValue> checkOutcome(ToolCall call, ToolContext context) {
    return bound(call).flatMap(arguments -> checkOutcome(arguments, context));
  }

  private Optional<A> bound(ToolCall call) {
    try {
      return Optional.of(binder.bind(call.arguments()));
    } catch (Binder.BindingException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + spec.name() + "]";
  }
}
