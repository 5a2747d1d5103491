package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.tool.Tool;
import dev.xct.core.tool.TypedTool;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the fs tools' hand-written schemas (kept byte for byte for the model) and their argument
 * records from drifting apart: the same members in the same order, and a member is required exactly
 * when its component is not {@link Nullable}.
 */
class FsToolSchemasTest {
  @TempDir Path root;

  @Test
  void everySchemaHasTheMembersOfItsRecordAndRequiresTheNonNullableOnes() {
    for (Tool tool : FsTools.forRoot(root).toolkit().tools()) {
      assertThat(tool).isInstanceOf(TypedTool.class);
      RecordComponent[] components = ((TypedTool<?>) tool).argumentsType().getRecordComponents();
      JsonNode schema = tool.spec().inputSchema().toNode();
      List<String> properties = new ArrayList<>(schema.get("properties").propertyNames());
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(name -> required.add(name.stringValue()));

      assertThat(properties)
          .as(tool.spec().name())
          .containsExactlyElementsOf(
              Arrays.stream(components).map(RecordComponent::getName).toList());
      assertThat(required)
          .as(tool.spec().name())
          .containsExactlyElementsOf(
              Arrays.stream(components)
                  .filter(
                      component ->
                          !component.getAnnotatedType().isAnnotationPresent(Nullable.class))
                  .map(RecordComponent::getName)
                  .toList());
    }
  }
}
