package dev.xct.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class ProtocolSchemasTest {
  private static final Path DOCS =
      Path.of(System.getProperty("basedir", ".")).resolve("../docs/schema").normalize();

  static Stream<String> resources() {
    return Stream.of(
        ProtocolSchemas.MODEL_REPLY_RESOURCE, ProtocolSchemas.SYSTEM_RESPONSE_RESOURCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resources")
  void docsCopyEqualsTheJarResourceByteForByte(String resource) throws IOException {
    Path docsCopy = DOCS.resolve(resource.substring(resource.lastIndexOf('/') + 1));

    assertThat(docsCopy).exists();
    assertThat(Files.readAllBytes(docsCopy)).isEqualTo(read(resource));
  }

  @Test
  void docsHoldNoSchemaTheJarDoesNotPublish() throws IOException {
    try (Stream<Path> files = Files.list(DOCS)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
          .containsExactlyInAnyOrder(
              "model-reply.schema.json",
              "system-response.schema.json",
              // Published by xct-cli's jar, and held equal to it by xct-cli's tests.
              "policy.schema.json",
              "journal.schema.json");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resources")
  void accessorsReturnTheParsedResources(String resource) throws IOException {
    JsonValue published =
        resource.equals(ProtocolSchemas.MODEL_REPLY_RESOURCE)
            ? ProtocolSchemas.modelReply()
            : ProtocolSchemas.systemResponse();

    assertThat(published).isEqualTo(JsonValue.parse(new String(read(resource), "UTF-8")));
    assertThat(published.get("$id").flatMap(JsonValue::asString).orElseThrow())
        .startsWith("https://xct.dev/schema/")
        .endsWith(resource.substring(resource.lastIndexOf('/') + 1));
  }

  @Test
  void accessorsReturnTheSameImmutableValueEveryTime() {
    JsonValue first = ProtocolSchemas.modelReply();
    ((ObjectNode) first.toNode()).removeAll();

    assertThat(ProtocolSchemas.modelReply()).isSameAs(first);
    assertThat(ProtocolSchemas.modelReply().isEmptyObject()).isFalse();
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = ProtocolSchemas.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }
}
