package dev.xct.model.support.internal;

import dev.xct.model.support.Completion;
import dev.xct.model.support.ModelFault;
import dev.xct.model.support.ToolFunctions;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The rules behind {@link Completion#fault()} and {@link Completion#toReply()}. */
public final class ReplyTexts {
  private ReplyTexts() {}

  /** Returns the fault {@code completion} amounts to, if any. */
  public static Optional<ModelFault> fault(Completion completion) {
    if (!completion.refusal().isBlank()) {
      return Optional.of(ModelFault.refused(completion.refusal()));
    }
    if (completion.finish() == Completion.Finish.CONTENT_FILTER) {
      return Optional.of(
          new ModelFault(
              ModelFault.MODEL_REFUSED,
              "the provider's content filter stopped the reply",
              completion.content()));
    }
    if (completion.calls().size() > 1) {
      String names =
          completion.calls().stream()
              .map(call -> ToolFunctions.toolName(call.function()))
              .collect(Collectors.joining(", "));
      return Optional.of(
          new ModelFault(
              ModelFault.MULTIPLE_ACTIONS,
              "the reply called "
                  + completion.calls().size()
                  + " tools ("
                  + names
                  + "); propose exactly one action per reply",
              Jsons.write(callsArray(completion))));
    }
    if (completion.finish() == Completion.Finish.LENGTH) {
      String cut =
          completion.calls().isEmpty()
              ? completion.content()
              : completion.calls().get(0).arguments();
      if (Jsons.tryParse(cut).isEmpty()) {
        return Optional.of(
            new ModelFault(
                ModelFault.OUTPUT_TRUNCATED,
                "the reply was cut off at the output token limit after "
                    + cut.length()
                    + " characters; send a shorter reply",
                cut));
      }
    }
    return Optional.empty();
  }

  /** Returns the reply text of a completion that is not a fault. */
  public static String text(Completion completion) {
    if (completion.calls().size() == 1) {
      return Jsons.write(decision(completion.calls().get(0), completion.content()));
    }
    return completion.content();
  }

  /**
   * Returns the protocol JSON a single call stands for. Arguments that are not valid JSON are kept
   * as a string, so the codec tells the model that {@code arguments} must be an object.
   */
  private static ObjectNode decision(Completion.Call call, String content) {
    JsonNode arguments = Jsons.tryParse(call.arguments()).orElse(null);
    if (ToolFunctions.isDone(call.function())) {
      ObjectNode done = Jsons.object();
      done.put("done", true);
      done.put("message", Jsons.text(arguments, "message"));
      return done;
    }
    ObjectNode step = Jsons.object();
    step.put("tool", ToolFunctions.toolName(call.function()));
    if (arguments == null) {
      step.put("arguments", call.arguments());
    } else {
      step.set("arguments", arguments);
    }
    if (!content.isBlank()) {
      step.put("goal", content.strip());
    }
    ObjectNode root = Jsons.object();
    root.set("next_step", step);
    return root;
  }

  private static ArrayNode callsArray(Completion completion) {
    ArrayNode calls = Jsons.MAPPER.createArrayNode();
    for (Completion.Call call : completion.calls()) {
      calls.add(decision(call, ""));
    }
    return calls;
  }
}
