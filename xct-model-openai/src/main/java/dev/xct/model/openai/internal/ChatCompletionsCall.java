package dev.xct.model.openai.internal;

import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.openai.OutputMode;
import dev.xct.model.support.Completion;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ProposalSchema;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Performs {@link dev.xct.model.openai.OpenAiModelClient#next}; thread-safe. */
public final class ChatCompletionsCall {
  private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsCall.class);

  private final ClientConfig config;
  private final HttpTransport transport;
  private final AtomicReference<ProposalSchema> schema = new AtomicReference<>();
  private final AtomicReference<Format> floor = new AtomicReference<>(Format.STRICT_SCHEMA);

  /** Creates the call for {@code config}. */
  public ChatCompletionsCall(ClientConfig config, Clock clock) {
    this.config = config;
    this.transport = new HttpTransport(config, clock);
  }

  /**
   * Asks the endpoint for the next decision, aborting when {@code request} is cancelled and giving
   * up at its deadline.
   */
  public ModelReply next(ModelRequest request) {
    ProposalSchema proposals = schemaFor(request.tools());
    Format format = formatFor(proposals);
    CallControl control = new CallControl(request);
    while (true) {
      String body =
          Jsons.write(
              RequestBodies.build(
                  config.model(),
                  request.messages(),
                  request.tools(),
                  proposals,
                  format,
                  config.parameters()));
      LOG.debug(
          "asking {} for step {} of run {}: {} messages, format {}",
          config.model(),
          request.step(),
          request.runId(),
          request.messages().size(),
          format);
      LOG.trace("request body: {}", body);
      try {
        return reply(transport.post(body, control).body(), format);
      } catch (ModelTransportException e) {
        Format weaker = format.weaker();
        if (!config.schemaFallback() || weaker == null || !rejectsResponseFormat(e)) {
          throw e;
        }
        LOG.warn(
            "{} rejected response_format {}; using {} from now on: {}",
            config.endpoint(),
            format,
            weaker,
            e.getMessage());
        floor.accumulateAndGet(weaker, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
        format = weaker;
      }
    }
  }

  private ModelReply reply(String body, Format format) {
    LOG.trace("response body: {}", body);
    Completion completion = ResponseReader.completion(body);
    if (completion == null) {
      throw new ModelTransportException(
          ModelTransportException.Kind.INVALID_RESPONSE,
          0,
          null,
          "model endpoint "
              + config.endpoint()
              + " answered 2xx but not with a chat completion: "
              + Secrets.scrub(ResponseReader.unexpected(body), config.apiKey()),
          null);
    }
    if (format == Format.STRICT_SCHEMA) {
      completion =
          new Completion(
              ProposalSchema.unwrap(completion.content()),
              completion.refusal(),
              completion.finish(),
              completion.calls(),
              completion.usage());
    }
    LOG.debug(
        "model finished ({}), {} tool calls, usage {}",
        completion.finish(),
        completion.calls().size(),
        completion.usage());
    return completion.toReply();
  }

  private ProposalSchema schemaFor(List<ToolSpec> tools) {
    ProposalSchema cached = schema.get();
    if (cached != null && cached.tools().equals(tools)) {
      return cached;
    }
    ProposalSchema fresh = ProposalSchema.of(tools);
    schema.set(fresh);
    return fresh;
  }

  private Format formatFor(ProposalSchema proposals) {
    OutputMode mode = config.mode();
    if (mode == OutputMode.JSON_OBJECT) {
      return Format.JSON_OBJECT;
    }
    if (mode == OutputMode.TOOL_CALLS) {
      return Format.TOOLS;
    }
    if (mode == OutputMode.PROMPT_ONLY) {
      return Format.NONE;
    }
    Format wanted =
        proposals.strictSchema().isPresent() ? Format.STRICT_SCHEMA : Format.EXACT_SCHEMA;
    Format least = floor.get();
    return least.ordinal() > wanted.ordinal() ? least : wanted;
  }

  private static boolean rejectsResponseFormat(ModelTransportException e) {
    String message = e.getMessage().toLowerCase(Locale.ROOT);
    return e.status().orElse(0) == 400
        && (message.contains("response_format") || message.contains("json_schema"));
  }
}
