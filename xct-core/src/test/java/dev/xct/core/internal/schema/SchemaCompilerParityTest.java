package dev.xct.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.xct.core.JsonValue;
import dev.xct.core.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Validating on the execution configuration made once per schema reports exactly what networknt's
 * own {@code Schema.validate(node)} reports, for keywords that need annotations (unevaluated
 * members), references, combinators and conditionals alike.
 */
class SchemaCompilerParityTest {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final List<String> SCHEMAS =
      List.of(
          "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"key\",\"value\"],"
              + "\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"string\"}}}",
          "{\"type\":\"object\",\"allOf\":[{\"properties\":{\"a\":{\"type\":\"integer\"}}}],"
              + "\"unevaluatedProperties\":false}",
          "{\"type\":\"object\",\"$defs\":{\"n\":{\"type\":\"integer\",\"minimum\":0}},"
              + "\"properties\":{\"a\":{\"$ref\":\"#/$defs/n\"},\"b\":{\"oneOf\":[{\"type\":"
              + "\"string\"},{\"type\":\"integer\"}]}},\"dependentRequired\":{\"a\":[\"b\"]}}",
          "{\"type\":\"object\",\"if\":{\"properties\":{\"a\":{\"const\":1}},\"required\":[\"a\"]},"
              + "\"then\":{\"required\":[\"b\"]},\"else\":{\"not\":{\"required\":[\"b\"]}},"
              + "\"properties\":{\"c\":{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],"
              + "\"items\":{\"type\":\"integer\"},\"uniqueItems\":true,\"contains\":{\"const\":2}},"
              + "\"e\":{\"enum\":[\"x\",\"y\"]},\"p\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\","
              + "\"format\":\"email\",\"maxLength\":3}}}");

  private static final List<String> VALUES =
      List.of(
          "{}",
          "{\"key\":\"k\",\"value\":\"v\"}",
          "{\"key\":1,\"value\":\"v\",\"extra\":true}",
          "{\"a\":1}",
          "{\"a\":-1,\"b\":1.5,\"z\":null}",
          "{\"a\":1,\"b\":\"x\"}",
          "{\"b\":2}",
          "{\"c\":[\"s\",2,2]}",
          "{\"c\":[1,\"t\"],\"e\":\"z\",\"p\":\"ABCD\"}",
          "{\"c\":[\"s\",2],\"e\":\"x\",\"p\":\"ab\"}",
          "[]",
          "\"text\"");

  @Test
  void reportsWhatNetworkntsOwnValidationReports() {
    int violations = 0;
    for (String schema : SCHEMAS) {
      JsonValue tree = JsonValue.parse(schema);
      SchemaCompiler.Compiled compiled = SchemaCompiler.compile("parity", tree);
      Schema reference = REGISTRY.getSchema(Json.node(tree).deepCopy());
      for (String value : VALUES) {
        JsonNode node = Json.node(JsonValue.parse(value));
        var expected = SchemaCompiler.violations(reference.validate(node));
        assertThat(compiled.validate(node)).as(schema + " on " + value).isEqualTo(expected);
        violations += expected.size();
      }
    }
    assertThat(violations).as("the corpus finds violations to compare").isGreaterThan(30);
  }
}
