package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelRequest;
import dev.xct.core.XctException;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.support.ProposalSchema;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.SafeFileCreation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The exact requests the client sends: bodies, schemas, headers, endpoints. */
class OpenAiModelClientRequestTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String STRICT_RESPONSE_FORMAT =
      """
      {"type":"json_schema","json_schema":{"name":"xct_decision","strict":true,"schema":{
        "type":"object","properties":{"decision":{"anyOf":[
          {"type":"object","properties":{"next_step":{"type":"object",
             "description":"Create a text file in the workspace.",
             "properties":{"tool":{"type":"string","enum":["fs.write"]},
                           "goal":{"type":"string","description":"why this step"},
                           "arguments":%s},
             "required":["tool","goal","arguments"],"additionalProperties":false}},
           "required":["next_step"],"additionalProperties":false},
          {"type":"object","properties":{"done":{"type":"boolean","enum":[true]},
             "message":{"type":"string","description":"what was accomplished, or why it cannot be"}},
           "required":["done","message"],"additionalProperties":false}]}},
        "required":["decision"],"additionalProperties":false}}}
      """
          .formatted(SafeFileCreation.FS_WRITE_SCHEMA);

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiModelClientBuilder client() {
    return OpenAiModelClient.builder().baseUrl(server.baseUrl()).model("gpt-4o-mini").noApiKey();
  }

  private LoopbackServer.Recorded send(OpenAiModelClient client, ModelRequest request) {
    server.enqueueFixtures("openai/proposal.json");
    client.next(request);
    return server.onlyRequest();
  }

  private static ObjectNode expectedBody(ModelRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", "gpt-4o-mini");
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage message : request.messages()) {
      messages
          .addObject()
          .put("role", message.role().name().toLowerCase(Locale.ROOT))
          .put("content", message.content());
    }
    return body;
  }

  @Test
  void defaultRequestCarriesTheRenderedMessagesAndTheStrictProposalSchema() {
    ModelRequest request = SafeFileCreation.request();
    LoopbackServer.Recorded sent = send(client().build(), request);

    ObjectNode expected = expectedBody(request);
    expected.set("response_format", JSON.readTree(STRICT_RESPONSE_FORMAT));
    assertThat(sent.body()).isEqualTo(JSON.writeValueAsString(expected));
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.header("Authorization")).isNull();
    assertThat(request.messages())
        .extracting(ChatMessage::role)
        .containsExactly(ChatMessage.Role.SYSTEM, ChatMessage.Role.USER);
  }

  @Test
  void toolWithOptionalArgumentsGetsTheExactSchemaWithoutStrict() {
    ToolSpec read =
        ToolSpec.builder("fs.read")
            .readOnly()
            .inputSchema(
                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},"
                    + "\"limit\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"path\"]}")
            .build();
    ModelRequest request = SafeFileCreation.request(List.of(SafeFileCreation.fsWriteSpec(), read));
    JsonNode format = send(client().build(), request).json().get("response_format");

    assertThat(format.get("json_schema").get("strict").booleanValue()).isFalse();
    JsonNode schema = format.get("json_schema").get("schema");
    assertThat(JSON.writeValueAsString(schema))
        .isEqualTo(JSON.writeValueAsString(ProposalSchema.of(request.tools()).schema().toNode()));
    assertThat(schema.get("oneOf")).hasSize(3);
    assertThat(schema.get("oneOf").get(1).at("/properties/next_step/properties/arguments"))
        .isEqualTo(read.inputSchema().toNode());
  }

  @Test
  void jsonObjectModeAsksForJsonAndNothingMore() {
    ModelRequest request = SafeFileCreation.request();
    LoopbackServer.Recorded sent =
        send(client().outputMode(OutputMode.JSON_OBJECT).build(), request);

    ObjectNode expected = expectedBody(request);
    expected.putObject("response_format").put("type", "json_object");
    assertThat(sent.body()).isEqualTo(JSON.writeValueAsString(expected));
  }

  @Test
  void promptOnlyModeSendsJustTheMessages() {
    ModelRequest request = SafeFileCreation.request();
    LoopbackServer.Recorded sent =
        send(client().outputMode(OutputMode.PROMPT_ONLY).build(), request);

    assertThat(sent.body()).isEqualTo(JSON.writeValueAsString(expectedBody(request)));
  }

  @Test
  void toolCallingModeOffersEachToolAndDoneAsFunctionsAndForbidsParallelCalls() {
    ModelRequest request = SafeFileCreation.request();
    JsonNode body = send(client().outputMode(OutputMode.TOOL_CALLS).build(), request).json();

    assertThat(body.get("messages").get(0).get("content").stringValue())
        .isEqualTo(request.messages().get(0).content() + RequestBodiesNote.TEXT);
    assertThat(body.get("response_format")).isNull();
    assertThat(body.get("tool_choice").stringValue()).isEqualTo("required");
    assertThat(body.get("parallel_tool_calls").booleanValue()).isFalse();
    assertThat(JSON.writeValueAsString(body.get("tools")))
        .isEqualTo(
            JSON.writeValueAsString(
                JSON.readTree(
                    """
                    [{"type":"function","function":{"name":"fs-write",
                      "description":"Create a text file in the workspace.",
                      "parameters":%s,"strict":true}},
                     {"type":"function","function":{"name":"DONE",
                      "description":"Declare the task complete, or impossible, with a message saying what was accomplished or why it cannot be.",
                      "parameters":{"type":"object","properties":{"message":{"type":"string"}},
                        "required":["message"],"additionalProperties":false},"strict":true}}]
                    """
                        .formatted(SafeFileCreation.FS_WRITE_SCHEMA))));
  }

  @Test
  void extraParametersFollowTheClientsOwnMembers() {
    JsonNode body =
        send(
                client().parameter("temperature", 0).parameter("seed", 7).build(),
                SafeFileCreation.request())
            .json();

    assertThat(body.propertyNames())
        .containsExactly("model", "messages", "response_format", "temperature", "seed");
    assertThat(body.get("seed").intValue()).isEqualTo(7);
  }

  @Test
  void parametersTheClientSetsItselfAreRefusedAtBuildTime() {
    assertThatThrownBy(() -> client().parameter("response_format", Map.of()))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'response_format'");
    assertThatThrownBy(() -> client().parameter("stream", true)).isInstanceOf(XctException.class);
  }

  @Test
  void apiKeyGoesInTheBearerHeaderAndExtraHeadersAreSent() {
    LoopbackServer.Recorded sent =
        send(
            client().apiKey("sk-test-secret").header("OpenAI-Project", "proj_1").build(),
            SafeFileCreation.request());

    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-secret");
    assertThat(sent.header("OpenAI-Project")).isEqualTo("proj_1");
    assertThat(sent.body()).doesNotContain("sk-test-secret");
  }

  @Test
  void azureStyleEndpointGetsTheBareKeyInItsOwnHeader() {
    URI endpoint =
        URI.create(
            server.baseUrl().replace("/v1", "")
                + "/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21");
    LoopbackServer.Recorded sent =
        send(
            client().endpoint(endpoint).apiKeyHeader("api-key").apiKey("azure-key").build(),
            SafeFileCreation.request());

    assertThat(sent.path())
        .isEqualTo("/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21");
    assertThat(sent.header("api-key")).isEqualTo("azure-key");
    assertThat(sent.header("Authorization")).isNull();
  }

  @Test
  void environmentConfiguresUrlModelAndKey() {
    OpenAiModelClient client =
        OpenAiModelClient.fromEnvironment(
            Map.of(
                "XCT_MODEL_URL", server.baseUrl() + "/",
                "XCT_MODEL", "llama3.2",
                "XCT_API_KEY", "env-key"));
    LoopbackServer.Recorded sent = send(client, SafeFileCreation.request());

    assertThat(client.endpoint()).isEqualTo(URI.create(server.baseUrl() + "/chat/completions"));
    assertThat(sent.json().get("model").stringValue()).isEqualTo("llama3.2");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer env-key");
    assertThat(client.toString()).doesNotContain("env-key");
  }

  @Test
  void environmentMayChooseTheOutputMode() {
    OpenAiModelClient client =
        OpenAiModelClient.fromEnvironment(
            Map.of(
                "XCT_MODEL",
                "m",
                "XCT_MODEL_URL",
                server.baseUrl(),
                "XCT_MODEL_OUTPUT",
                "json_object"));

    assertThat(client.outputMode()).isEqualTo(OutputMode.JSON_OBJECT);
    assertThatThrownBy(
            () ->
                OpenAiModelClient.fromEnvironment(
                    Map.of("XCT_MODEL", "m", "XCT_MODEL_OUTPUT", "yaml")))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("XCT_MODEL_OUTPUT");
  }

  @Test
  void keyIsReadOnlyFromTheNamedVariable() {
    OpenAiModelClient client =
        OpenAiModelClient.fromEnvironment(
            Map.of(
                "XCT_MODEL_URL", server.baseUrl(),
                "XCT_MODEL", "m",
                "OPENAI_API_KEY", "not-for-this-endpoint"));

    assertThat(send(client, SafeFileCreation.request()).header("Authorization")).isNull();
  }

  @Test
  void missingModelOrRelativeUrlFailsAtBuildTime() {
    assertThatThrownBy(() -> OpenAiModelClient.fromEnvironment(Map.of()))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("XCT_MODEL");
    assertThatThrownBy(() -> OpenAiModelClient.builder().model("m").baseUrl("localhost/v1").build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("absolute");
  }

  /** The note the client appends to the system message in tool-calling mode. */
  private static final class RequestBodiesNote {
    static final String TEXT =
        "\nIn this deployment you propose a step by calling exactly one of the provided functions"
            + " instead of writing the JSON yourself. A tool's function name is its name with dots"
            + " written as dashes (fs.write is fs-write). Call DONE with a message when the task is"
            + " complete or cannot be completed.\n";
  }
}
