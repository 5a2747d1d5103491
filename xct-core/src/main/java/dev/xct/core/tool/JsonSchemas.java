package dev.xct.core.tool;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.schema.RecordSchemaGenerator;
import java.util.Map;
import java.util.Objects;

/**
 * Generates strict JSON Schemas (draft 2020-12) for tool arguments from Java records, so that a
 * {@link TypedTool}'s schema and its argument type cannot drift apart.
 *
 * <p>A record becomes {@code {"type":"object","properties":…,"required":…,
 * "additionalProperties":false}}, one property per component, named as the component, in
 * declaration order. Every component is required except {@code Optional}, {@code OptionalInt},
 * {@code OptionalLong}, {@code OptionalDouble} and components marked nullable; an omitted one binds
 * to empty or {@code null}, and the schema does not accept an explicit {@code null} for it. Mark
 * them with JSpecify's {@code org.jspecify.annotations.Nullable}, which is recognised by type; any
 * other run-time-retained annotation named {@code Nullable} (JSR-305's, Jakarta's, the Checker
 * Framework's, your own) is recognised by its simple name, so that existing records keep their
 * meaning. Component types map as follows:
 *
 * <table>
 *   <caption>Java types and their schemas</caption>
 *   <tr><th>Java</th><th>schema</th></tr>
 *   <tr><td>{@code String}</td><td>{@code {"type":"string"}}</td></tr>
 *   <tr><td>{@code boolean}, {@code Boolean}</td><td>{@code {"type":"boolean"}}</td></tr>
 *   <tr><td>{@code int}, {@code long}, {@code short}, {@code byte}, their boxes, {@code
 *       BigInteger}</td><td>{@code {"type":"integer"}} (the range is checked when binding)</td></tr>
 *   <tr><td>{@code double}, {@code float}, their boxes, {@code BigDecimal}</td>
 *       <td>{@code {"type":"number"}}</td></tr>
 *   <tr><td>an enum</td><td>{@code {"type":"string","enum":[constant names]}}</td></tr>
 *   <tr><td>{@code List<T>}, {@code Collection<T>}</td>
 *       <td>{@code {"type":"array","items":T}}</td></tr>
 *   <tr><td>{@code Set<T>}</td><td>the same plus {@code "uniqueItems":true}</td></tr>
 *   <tr><td>{@code Map<String,T>}</td>
 *       <td>{@code {"type":"object","additionalProperties":T}}</td></tr>
 *   <tr><td>another record</td><td>its own strict object schema, inline</td></tr>
 *   <tr><td>{@code Optional<T>}</td><td>T (and the component becomes optional)</td></tr>
 *   <tr><td>{@link JsonValue}</td><td>{@code {}}: any JSON value</td></tr>
 * </table>
 *
 * <p>Anything else (arrays, {@code Object}, type variables, records that contain themselves) fails
 * with an {@link XctException} naming the component: write that schema by hand. {@link Description}
 * on a component becomes its {@code description}. Constraints go in as refinements: JSON objects
 * merged into the schema of the component at a dotted path ({@code "amount"}, {@code
 * "address.zip"}; a path passes through lists, sets, maps and optionals into the records they
 * hold), replacing keywords of the same name:
 *
 * <pre>{@code
 * JsonSchemas.forRecord(RefundArgs.class, Map.of(
 *     "amountCents", JsonValue.parse("{\"minimum\":1,\"maximum\":50000}"),
 *     "orderId", JsonValue.parse("{\"pattern\":\"^[0-9]{8}$\"}")));
 * }</pre>
 *
 * <p>Member names are the component names: Jackson naming annotations such as {@code @JsonProperty}
 * are not read, so do not use them on argument records. Enums match by constant name. Only record
 * components are read by reflection ({@link Class#getRecordComponents()}); nothing is scanned or
 * proxied. Stateless and thread-safe.
 */
public final class JsonSchemas {
  private JsonSchemas() {}

  /**
   * Returns the strict schema of {@code type}.
   *
   * @throws XctException if a component's type has no generated schema
   */
  public static JsonValue forRecord(Class<? extends Record> type) {
    return forRecord(type, Map.of());
  }

  /**
   * Returns the strict schema of {@code type} with {@code refinements} merged in.
   *
   * @param refinements keywords to merge into components' schemas, by dotted component path
   * @throws XctException if a component's type has no generated schema, or a refinement is not a
   *     JSON object or names no component
   */
  public static JsonValue forRecord(
      Class<? extends Record> type, Map<String, JsonValue> refinements) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(refinements, "refinements");
    return RecordSchemaGenerator.generate(type, refinements);
  }
}
