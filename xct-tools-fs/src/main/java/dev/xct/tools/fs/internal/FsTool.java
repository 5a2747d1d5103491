package dev.xct.tools.fs.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.tool.TypedTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shared shape of the fs tools, on core's {@link TypedTool} like any user tool: the arguments
 * arrive bound to a record, confinement is checked again at the moment of use, and every expected
 * problem, thrown as a {@link Refusal} or an {@link IOException} from deep in the file code, comes
 * back as a failure with a stable code. The path arguments it declares are what the {@code
 * fs-confinement} validator checks before anything runs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <A> the record the arguments bind to
 */
public abstract class FsTool<A extends Record> extends TypedTool<A> {
  /** The shared configuration. */
  protected final FsConfig fs;

  private final List<PathArgument> pathArguments;

  /** Creates the tool with the hand-written schema in {@code spec}. */
  protected FsTool(
      FsConfig fs, ToolSpec.Builder spec, Class<A> type, List<PathArgument> pathArguments) {
    super(spec, type);
    this.fs = fs;
    this.pathArguments = List.copyOf(pathArguments);
  }

  /** Returns the path arguments the validator confines. */
  public final List<PathArgument> pathArguments() {
    return pathArguments;
  }

  @Override
  public final Result execute(A args, ToolContext context) {
    try {
      return Result.success(run(args, context));
    } catch (Refusal refusal) {
      return refusal.failure();
    } catch (IOException e) {
      return IoErrors.refusal(e, primaryPath(args)).failure();
    }
  }

  /** Describes the change, or says how the call would fail; empty for tools that change nothing. */
  @Override
  public final Optional<JsonValue> preview(A args, ToolContext context) {
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
   * Hashes the preview together with the whole present state of every path the call would change
   * ({@link TargetHash}): the diff in a preview is bounded, and says nothing of binary content, so
   * the preview alone would miss changes. Empty for tools that change nothing.
   */
  @Override
  public final Optional<String> fingerprint(A args, ToolContext context) {
    Optional<JsonValue> preview = preview(args, context);
    if (preview.isEmpty()) {
      return Optional.empty();
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(preview.get().toCanonicalJson().getBytes(StandardCharsets.UTF_8));
      List<String> paths = paths(args);
      for (int i = 0; i < paths.size(); i++) {
        sha.update((byte) '\n');
        try {
          TargetHash.add(sha, resolve(pathArguments.get(i), paths.get(i)));
        } catch (Refusal refusal) {
          sha.update(refusal.failure().code().getBytes(StandardCharsets.UTF_8));
        }
      }
      return Optional.of(HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Returns the raw values of the declared path arguments, in their order. */
  protected List<String> paths(A args) {
    return Collections.singletonList(primaryPath(args));
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
                  "argument '"
                      + argument.name()
                      + "' of '"
                      + spec().name()
                      + "' must be a string"));
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
    preview.put("tool", spec().name());
    preview.put("wouldFail", Map.of("code", failure.code(), "message", failure.message()));
    return preview;
  }
}
