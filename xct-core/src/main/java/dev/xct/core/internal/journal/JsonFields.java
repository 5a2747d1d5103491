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
}
