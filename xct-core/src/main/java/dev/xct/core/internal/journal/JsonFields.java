package dev.xct.core.internal.journal;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads the few members of an event object the journal needs without converting it. */
final class JsonFields {
  private JsonFields() {}

  static Optional<String> runId(JsonNode event) {
    JsonNode id = event.get("run_id");
    return id != null && id.isString() ? Optional.of(id.stringValue()) : Optional.empty();
  }

  static Optional<String> type(JsonNode event) {
    JsonNode type = event.get("type");
    return type != null && type.isString() ? Optional.of(type.stringValue()) : Optional.empty();
  }
}
