package dev.xct.core.protocol;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Publishes the JSON Schemas (draft 2020-12) of XCT's two wire messages: the model's reply and the
 * system's response. Give the reply schema to a model or a structured-output API; use the response
 * schema to check what a system sends back.
 *
 * <p>The schemas describe the accepted values. {@link ProtocolCodec} accepts exactly the replies
 * that the reply schema accepts and that also pass the parse-level rules no schema can express (one
 * JSON object and nothing after it, no duplicate member names, size and depth limits, numbers
 * within a double's range, valid Unicode); every result it encodes matches the response schema. The
 * same files ship in the jar under {@code dev/xct/core/protocol/} and in the repository under
 * {@code docs/schema/}.
 *
 * <p>Stateless and thread-safe; the schemas are loaded once.
 */
public final class ProtocolSchemas {
  /** The class-path resource of the model reply schema. */
  public static final String MODEL_REPLY_RESOURCE =
      "/dev/xct/core/protocol/model-reply.schema.json";

  /** The class-path resource of the system response schema. */
  public static final String SYSTEM_RESPONSE_RESOURCE =
      "/dev/xct/core/protocol/system-response.schema.json";

  private static final JsonValue MODEL_REPLY = load(MODEL_REPLY_RESOURCE);
  private static final JsonValue SYSTEM_RESPONSE = load(SYSTEM_RESPONSE_RESOURCE);

  private ProtocolSchemas() {}

  /**
   * Returns the schema of the model's reply: {@code {"next_step":{"tool":…,"arguments":{…},
   * "goal":…}}} or {@code {"done":true,"message":…}}.
   */
  public static JsonValue modelReply() {
    return MODEL_REPLY;
  }

  /**
   * Returns the schema of the system's response: {@code {"status":"success","result":…}} or {@code
   * {"status":"error","code":…,"message":…,"details":{…}}}.
   */
  public static JsonValue systemResponse() {
    return SYSTEM_RESPONSE;
  }

  private static JsonValue load(String resource) {
    try (InputStream in = ProtocolSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new XctException("missing class-path resource " + resource);
      }
      return JsonValue.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new XctException("cannot read class-path resource " + resource, e);
    }
  }
}
