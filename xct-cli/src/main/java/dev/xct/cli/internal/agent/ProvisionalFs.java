package dev.xct.cli.internal.agent;

import dev.xct.cli.policy.Root;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Provides {@code fs.read}, {@code fs.list} and {@code fs.write} confined to the policy's roots,
 * with a {@code fs-roots} validator that vetoes paths outside them before anything runs. A small
 * stand-in used by the command line until the {@code xct-tools-fs} module is wired in; the tool
 * names, arguments and error codes follow the same conventions.
 */
public final class ProvisionalFs {
  private static final long MAX_READ = 1 << 20;

  private ProvisionalFs() {}

  /** Returns the three tools and the roots validator for {@code roots} under {@code workspace}. */
  public static Toolbox toolbox(List<Root> roots, Path workspace) {
    WorkspaceRoots resolved = WorkspaceRoots.of(roots, workspace);
    return new Toolbox(
        List.of(new Read(resolved), new ListDir(resolved), new Write(resolved)),
        List.of(new RootsValidator(resolved)));
  }

  private static String path(ToolCall call) {
    return call.arguments().get("path").flatMap(JsonValue::asString).orElse(".");
  }

  /** Returns a map in the given order: results must read the same on every run. */
  private static Map<String, Object> ordered(
      String key1, Object value1, String key2, Object value2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key1, value1);
    map.put(key2, value2);
    return map;
  }

  private static Result outside(String path) {
    return Result.failure(
        "PATH_OUTSIDE_ROOT", path + " is outside the allowed roots", Map.of("path", path));
  }

  /** Vetoes fs.* proposals whose path leaves the roots, or that write under a read-only root. */
  private record RootsValidator(WorkspaceRoots roots) implements Validator {
    @Override
    public Verdict check(Proposal proposal, ValidationContext context) {
      if (!proposal.tool().startsWith("fs.")) {
        return Verdict.allow();
      }
      String path = proposal.arguments().get("path").flatMap(JsonValue::asString).orElse(".");
      Optional<WorkspaceRoots.Target> target = roots.resolve(path);
      if (target.isEmpty()) {
        return Verdict.deny(
            "PATH_OUTSIDE_ROOT",
            path + " resolves outside the allowed roots; use a path inside the workspace",
            Map.of("path", path));
      }
      if (proposal.tool().equals("fs.write") && !target.get().root().writable()) {
        return Verdict.deny(
            "ROOT_READ_ONLY", path + " is under a read-only root", Map.of("path", path));
      }
      return Verdict.allow();
    }

    @Override
    public String name() {
      return "fs-roots";
    }
  }

  private record Read(WorkspaceRoots roots) implements Tool {
    @Override
    public ToolSpec spec() {
      return ToolSpec.builder("fs.read")
          .description("Read a UTF-8 text file.")
          .inputSchema(
              "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"path\"],"
                  + "\"properties\":{\"path\":{\"type\":\"string\",\"minLength\":1}}}")
          .readOnly()
          .build();
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      String path = path(call);
      Optional<WorkspaceRoots.Target> target = roots.resolve(path);
      if (target.isEmpty()) {
        return outside(path);
      }
      Path file = target.get().file();
      try {
        if (Files.size(file) > MAX_READ) {
          return Result.failure("FILE_TOO_LARGE", path + " is larger than 1 MiB");
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        return Result.success(ordered("path", roots.relative(target.get()), "content", content));
      } catch (NoSuchFileException e) {
        return Result.failure("NOT_FOUND", path + " does not exist", Map.of("path", path));
      } catch (IOException e) {
        return Result.failure("IO_ERROR", path + ": " + e.getMessage());
      }
    }
  }

  private record ListDir(WorkspaceRoots roots) implements Tool {
    @Override
    public ToolSpec spec() {
      return ToolSpec.builder("fs.list")
          .description("List a directory (default: the workspace).")
          .inputSchema(
              "{\"type\":\"object\",\"additionalProperties\":false,"
                  + "\"properties\":{\"path\":{\"type\":\"string\",\"minLength\":1}}}")
          .readOnly()
          .build();
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      String path = path(call);
      Optional<WorkspaceRoots.Target> target = roots.resolve(path);
      if (target.isEmpty()) {
        return outside(path);
      }
      List<Map<String, Object>> entries = new ArrayList<>();
      try (Stream<Path> children = Files.list(target.get().file())) {
        children
            .sorted()
            .forEach(
                child ->
                    entries.add(
                        ordered(
                            "name",
                            child.getFileName().toString(),
                            "type",
                            Files.isDirectory(child) ? "directory" : "file")));
      } catch (NoSuchFileException e) {
        return Result.failure("NOT_FOUND", path + " does not exist", Map.of("path", path));
      } catch (IOException e) {
        return Result.failure("IO_ERROR", path + ": " + e.getMessage());
      }
      return Result.success(ordered("path", roots.relative(target.get()), "entries", entries));
    }
  }

  private record Write(WorkspaceRoots roots) implements Tool {
    @Override
    public ToolSpec spec() {
      return ToolSpec.builder("fs.write")
          .description("Create a new UTF-8 text file; never overwrites.")
          .inputSchema(
              "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"path\",\"content\"],"
                  + "\"properties\":{\"path\":{\"type\":\"string\",\"minLength\":1},"
                  + "\"content\":{\"type\":\"string\",\"maxLength\":1048576}}}")
          .build();
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      String path = path(call);
      Optional<WorkspaceRoots.Target> target = roots.resolve(path);
      if (target.isEmpty()) {
        return outside(path);
      }
      byte[] bytes =
          call.arguments()
              .get("content")
              .flatMap(JsonValue::asString)
              .orElse("")
              .getBytes(StandardCharsets.UTF_8);
      try (OutputStream out =
          Files.newOutputStream(target.get().file(), StandardOpenOption.CREATE_NEW)) {
        out.write(bytes);
      } catch (FileAlreadyExistsException e) {
        return Result.failure("ALREADY_EXISTS", path + " already exists", Map.of("path", path));
      } catch (NoSuchFileException e) {
        return Result.failure("NOT_FOUND", "the directory of " + path + " does not exist");
      } catch (IOException e) {
        return Result.failure("IO_ERROR", path + ": " + e.getMessage());
      }
      return Result.success(ordered("path", roots.relative(target.get()), "bytes", bytes.length));
    }

    @Override
    public Optional<JsonValue> preview(ToolCall call, ToolContext context) {
      String path = path(call);
      return Optional.of(
          JsonValue.from(
              ordered(
                  "resolved",
                  roots.resolve(path).map(t -> t.file().toString()).orElse("outside the roots"),
                  "content",
                  call.arguments().get("content").flatMap(JsonValue::asString).orElse(""))));
    }
  }
}
