package dev.xct.core.internal.json;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds JSON values to Java types with {@link Json#BINDER}'s strict rules, and describes failures
 * without Java class names so that the description can go back to the model.
 *
 * <p>JSON Schema counts {@code 3.0} and {@code 1e2} as integers, so whole numbers written with a
 * fraction or an exponent (of at most 100 digits) are turned into plain integers before binding;
 * {@code 3.5} still fails for an {@code int}. This keeps "the schema accepted it" and "it binds" in
 * step.
 *
 * <p>A flat record (strings, booleans, {@code int}s, {@code long}s) that the value fits exactly is
 * constructed directly by {@link FlatRecords}, which gives the same record data binding would.
 */
public final class Binder {
  private static final Set<Class<?>> INTEGRAL =
      Set.of(Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

  /** Whole numbers with more digits stay as they are, so 1e999999999 is never expanded. */
  private static final int MAX_INTEGER_DIGITS = 100;

  /** The longest member name quoted back in a failure. */
  private static final int MAX_NAME = 100;

  /** What binding each type needs, worked out once per type. */
  private static final ClassValue<TypeBinding> BINDINGS =
      new ClassValue<>() {
        @Override
        protected TypeBinding computeValue(Class<?> type) {
          String problem = RecordAccess.problem(type);
          return new TypeBinding(
              problem == null ? "" : problem, Json.BINDER.readerFor(type), FlatRecords.of(type));
        }
      };

  /**
   * How to bind one type: why Jackson cannot construct it ({@code ""} when it can, see {@link
   * RecordAccess}), a reader that skips the type and deserializer lookups, and the fast path.
   */
  private record TypeBinding(String problem, ObjectReader reader, FlatRecords flat) {}

  private Binder() {}

  /** Signals that a value does not fit a type; {@link #pointer()} says where. */
  public static final class BindingException extends XctException {
    private static final long serialVersionUID = 1L;
    private final String pointer;
    private final String reason;

    BindingException(String pointer, String reason, String typeName, JacksonException cause) {
      super(
          "cannot bind JSON to "
              + typeName
              + " at '"
              + pointer
              + "': "
              + reason
              + " ("
              + cause.getOriginalMessage()
              + ")",
          cause);
      this.pointer = pointer;
      this.reason = reason;
    }

    /** Returns the JSON Pointer (RFC 6901) of the offending value, {@code ""} for the root. */
    public String pointer() {
      return pointer;
    }

    /** Returns why it does not fit, in words that name no Java type. */
    public String reason() {
      return reason;
    }
  }

  /**
   * Binds {@code value} to {@code type}.
   *
   * @throws BindingException if it does not fit
   * @throws XctException if Jackson cannot construct the type or a class it contains, which on the
   *     module path means a missing {@code exports} or {@code opens}; see {@link RecordAccess}
   */
  public static <T> T bind(JsonValue value, Class<T> type) {
    return bind(value, type, BINDINGS.get(type));
  }

  /** Returns a binder for {@code type} that looks up what binding it needs once, at first use. */
  public static <T> Bound<T> of(Class<T> type) {
    return new Bound<>(type);
  }

  /**
   * Binds values to one type, as {@link #bind(JsonValue, Class)} does, without looking the type up
   * at each call. Thread-safe.
   */
  public static final class Bound<T> {
    private final Class<T> type;
    // Racy single check: the binding is immutable and the same instance whichever thread finds it.
    private TypeBinding binding;

    private Bound(Class<T> type) {
      this.type = type;
    }

    /**
     * Binds {@code value}.
     *
     * @throws BindingException if it does not fit
     * @throws XctException as {@link Binder#bind(JsonValue, Class)}
     */
    public T bind(JsonValue value) {
      TypeBinding found = binding;
      if (found == null) {
        found = BINDINGS.get(type);
        binding = found;
      }
      return Binder.bind(value, type, found);
    }
  }

  private static <T> T bind(JsonValue value, Class<T> type, TypeBinding binding) {
    if (!binding.problem().isEmpty()) {
      throw new XctException("cannot bind JSON to " + type.getName() + ": " + binding.problem());
    }
    JsonNode node = Json.node(value);
    Object flat = binding.flat().bind(node);
    if (flat != null) {
      return type.cast(flat);
    }
    try {
      return binding.reader().readValue(wholeNumbersAsIntegers(node));
    } catch (JacksonException e) {
      throw new BindingException(pointer(e), reason(e), type.getName(), e);
    }
  }

  private static String pointer(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      String name = reference.getPropertyName();
      if (name != null) {
        String shown = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
        out.append('/').append(shown.replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        out.append('/').append(reference.getIndex());
      }
    }
    return out.toString();
  }

  private static String reason(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "this member is not allowed";
    }
    if (e instanceof InvalidNullException) {
      return "null is not allowed here";
    }
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException) {
      // The record's own validation: its message was written for whoever supplies the value.
      String message = String.valueOf(e.getCause().getMessage());
      return "rejected: " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }
    if (e instanceof ValueInstantiationException) {
      return "the value was rejected";
    }
    if (String.valueOf(e.getOriginalMessage()).startsWith("Missing required creator property")) {
      return "a required member is missing";
    }
    if (e instanceof InputCoercionException coercion) {
      return "the number is out of range" + expected(coercion.getTargetType(), " for ");
    }
    if (e instanceof MismatchedInputException mismatch) {
      return "the value has the wrong type" + expected(mismatch.getTargetType(), ": expected ");
    }
    return "the value has the wrong type or form";
  }

  /** Names the JSON that {@code type} binds from, never the Java type itself. */
  private static String expected(Class<?> type, String prefix) {
    if (type == null) {
      return "";
    }
    Class<?> boxed = MethodType.methodType(type).wrap().returnType();
    String json;
    if (boxed == Boolean.class) {
      json = "true or false";
    } else if (INTEGRAL.contains(boxed)) {
      json = "an integer";
    } else if (Number.class.isAssignableFrom(boxed)) {
      json = "a number";
    } else if (CharSequence.class.isAssignableFrom(boxed) || boxed == Character.class) {
      json = "a string";
    } else if (boxed.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : boxed.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      json = "one of " + names;
    } else if (Collection.class.isAssignableFrom(boxed) || boxed.isArray()) {
      json = "an array";
    } else {
      json = "an object";
    }
    return prefix + json;
  }

  /** Returns {@code node}, or a copy where whole numbers (up to 100 digits) are plain integers. */
  private static JsonNode wholeNumbersAsIntegers(JsonNode node) {
    if (node.isFloatingPointNumber()) {
      return asInteger(node);
    }
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        JsonNode converted = wholeNumbersAsIntegers(member.getValue());
        if (converted != member.getValue()) {
          copy = copy == null ? (ObjectNode) node.deepCopy() : copy;
          copy.set(member.getKey(), converted);
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode converted = wholeNumbersAsIntegers(node.get(i));
        if (converted != node.get(i)) {
          copy = copy == null ? (ArrayNode) node.deepCopy() : copy;
          copy.set(i, converted);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  private static JsonNode asInteger(JsonNode number) {
    if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      return number;
    }
    BigDecimal value = number.decimalValue().stripTrailingZeros();
    if (value.scale() > 0 || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      return number;
    }
    BigInteger integer = value.toBigIntegerExact();
    return integer.bitLength() < Long.SIZE
        ? JsonNodeFactory.instance.numberNode(integer.longValueExact())
        : JsonNodeFactory.instance.numberNode(integer);
  }
}
