package dev.xct.tools.fs.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared shape of the fs tools: typed arguments bound from the JSON, confinement checked again at
 * the moment of use, and every expected problem returned as a failure with a stable code.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <A> the record the arguments bind to
 */
public abstract class FsTool<A extends Record> implements Tool {
  private static final Logger LOG = LoggerFactory.getLogger(FsTool.class);

  /** The shared configuration. */
  protected final FsConfig fs;

  private final ToolSpec spec;
  private final Class<A> type;
  private final List<PathArgument> pathArguments;

  /** Creates the tool. */
  protected FsTool(FsConfig fs, ToolSpec spec, Class<A> type, List<PathArgument> pathArguments) {
    this.fs = fs;
    this.spec = spec;
    this.type = type;
    this.pathArguments = List.copyOf(pathArguments);
  }

  @Override
  public final ToolSpec spec() {
    return spec;
  }

  /** Returns the path arguments the validator confines. */
  public final List<PathArgument> pathArguments() {
    return pathArguments;
  }

  @Override
  public final Result execute(ToolCall call, ToolContext context) {
    A args;
    try {
      args = call.bind(type);
    } catch (XctException e) {
      // The schema check should have caught this; if it passed, the module set-up is wrong.
      LOG.warn("arguments of {} did not bind", spec.name(), e);
      return Result.failure(
          ErrorCodes.INVALID_ARGUMENTS, "arguments of '" + spec.name() + "' do not fit its schema");
    }
    try {
      return Result.success(run(args, context));
    } catch (Refusal refusal) {
      return refusal.failure();
    } catch (IOException e) {
      return IoErrors.refusal(e, primaryPath(args)).failure();
    }
  }

  @Override
  public final Optional<JsonValue> preview(ToolCall call, ToolContext context) {
    A args;
    try {
      args = call.bind(type);
    } catch (XctException e) {
      return Optional.empty();
    }
    try {
      Map<String, Object> description = describe(args);
      return description == null ? Optional.empty() : Optional.of(JsonValue.from(description));
    } catch (Refusal refusal) {
      return Optional.of(JsonValue.from(refusedPreview(refusal.failure())));
    } catch (IOException e) {
      return Optional.of(
          JsonValue.from(refusedPreview(IoErrors.refusal(e, primaryPath(args)).failure())));
    }
  }

  /**
   * Checks the declared path arguments and any cheap, content-independent limits; the validator
   * calls this with the raw arguments before the tool runs.
   */
  public final Optional<Result.Failure> precheck(JsonValue arguments) {
    try {
      List<Resolved> resolved = new ArrayList<>();
      for (PathArgument argument : pathArguments) {
        Optional<JsonValue> value = arguments.get(argument.name());
        String raw;
        if (value.isEmpty() && argument.defaultValue() != null) {
          raw = argument.defaultValue();
        } else if (value.isPresent() && value.get().asString().isPresent()) {
          raw = value.get().asString().get();
        } else {
          return Optional.of(
              Result.failure(
                  ErrorCodes.INVALID_ARGUMENTS,
                  "argument '" + argument.name() + "' of '" + spec.name() + "' must be a string"));
        }
        resolved.add(fs.resolver().resolve(raw, argument.use(), argument.followFinal()));
      }
      precheckMore(arguments, resolved);
      return Optional.empty();
    } catch (Refusal refusal) {
      return Optional.of(refusal.failure());
    }
  }

  /** Adds tool-specific checks to {@link #precheck}; throws {@link Refusal} to deny. */
  protected void precheckMore(JsonValue arguments, List<Resolved> resolved) {}

  /** Performs the call; returns the result object. */
  protected abstract Object run(A args, ToolContext context) throws IOException;

  /** Describes what the call would change, or null for tools that change nothing. */
  protected Map<String, Object> describe(A args) throws IOException {
    return null;
  }

  /** Returns the path to quote when an unexpected I/O error has to be reported. */
  protected abstract String primaryPath(A args);

  /** Resolves a declared path argument again, now, at the moment of use. */
  protected final Resolved resolve(PathArgument argument, String raw) {
    String value = raw == null ? argument.defaultValue() : raw;
    return fs.resolver().resolve(value, argument.use(), argument.followFinal());
  }

  /** Returns a refusal for a bad argument value that the schema should have caught. */
  protected final Refusal invalid(String message) {
    return new Refusal(Result.failure(ErrorCodes.INVALID_ARGUMENTS, message));
  }

  private Map<String, Object> refusedPreview(Result.Failure failure) {
    Map<String, Object> preview = new LinkedHashMap<>();
    preview.put("tool", spec.name());
    preview.put("wouldFail", Map.of("code", failure.code(), "message", failure.message()));
    return preview;
  }
}
