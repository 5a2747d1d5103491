package dev.xct.cli.internal.agent;

import dev.xct.core.JsonValue;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a run's journal as JSON Lines: core's event lines ({@link JsonLinesEventWriter#line}),
 * with each {@code step_completed} line carrying the whole step, so that one line answers what was
 * proposed, what every validator said and how it ended: {@code arguments}, {@code verdicts}, {@code
 * status} ({@code success}, {@code error} or {@code done}) and, for errors, {@code code} and {@code
 * message}. {@code docs/schema/journal.schema.json} describes every line.
 *
 * <p>Thread-safe; each line is written whole and flushed.
 */
public final class ReplayJournal implements RunListener {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private final Writer out;

  /** Writes to {@code out}; the caller closes it. */
  public ReplayJournal(Writer out) {
    this.out = out;
  }

  @Override
  public void onEvent(RunEvent event) {
    ObjectNode node = (ObjectNode) MAPPER.readTree(JsonLinesEventWriter.line(event));
    if (event instanceof RunEvent.StepCompleted completed) {
      step(node, completed);
    }
    node.properties().forEach(member -> member.setValue(sorted(member.getValue())));
    String line = JsonValue.of(node).toJson(); // escapes lone surrogates, which UTF-8 cannot hold
    synchronized (this) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Returns {@code node} with the members of every nested object sorted by name. Details and
   * results may come from unordered maps; sorting makes the same run give the same bytes.
   */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      new TreeMap<>(
              node.properties().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
          .forEach((name, value) -> out.set(name, sorted(value)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }

  private static ObjectNode step(ObjectNode node, RunEvent.StepCompleted completed) {
    Step step = completed.record();
    step.decision()
        .filter(Decision.Proposal.class::isInstance)
        .map(Decision.Proposal.class::cast)
        .ifPresent(
            proposal -> {
              node.set("arguments", MAPPER.readTree(proposal.arguments().toJson()));
              node.put("goal", proposal.goal());
            });
    ArrayNode verdicts = node.putArray("verdicts");
    for (VerdictRecord verdict : step.verdicts()) {
      verdicts.add(verdict(completed, verdict));
    }
    if (step.result().isEmpty()) {
      node.put("status", "done");
    } else if (step.result().get() instanceof Result.Failure failure) {
      node.put("status", "error");
      node.put("code", failure.code());
      node.put("message", failure.message());
    } else {
      node.put("status", "success");
    }
    return node;
  }

  private static JsonNode verdict(RunEvent.StepCompleted completed, VerdictRecord verdict) {
    RunEvent.VerdictIssued issued =
        new RunEvent.VerdictIssued(completed.runId(), completed.step(), completed.at(), verdict);
    return MAPPER.readTree(JsonLinesEventWriter.line(issued)).get("verdict");
  }
}
