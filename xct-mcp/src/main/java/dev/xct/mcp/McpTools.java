package dev.xct.mcp;

import dev.xct.core.JsonValue;
import dev.xct.core.Toolkit;
import dev.xct.core.XctException;
import dev.xct.core.tool.ToolHints;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the tools of one MCP server session XCT tools, listed once when built and frozen from then
 * on: a server that later adds, removes or changes tools does not change what a run may call or
 * which schema its arguments must match.
 *
 * <pre>{@code
 * McpTools files = McpTools.builder(client, "files").build();   // client: an initialized McpSyncClient
 * ExecutionLoop loop = ExecutionLoop.builder(model, ToolRegistry.empty()).toolkit(files.toolkit()).build();
 * }</pre>
 *
 * <p>Each MCP tool becomes an {@link McpTool} named {@code prefix.} plus its MCP name mapped into
 * {@link ToolSpec#NAME_PATTERN} (camelCase split by underscores, lower-cased, hyphens as
 * underscores: {@code get-sum} → {@code prefix.get_sum}), with the server's description and input
 * schema, compiled here. Its hints mark it destructive, whatever the server claims, so approval
 * validators gate it, unless the integrator {@linkplain Builder#trustAnnotations(boolean) trusts
 * the server's annotations} or {@linkplain Builder#hints(String, ToolHints) sets the hints} of that
 * tool. Building fails with {@link XctException} when a name does not map, two names map to one, a
 * schema does not compile, or a name given to the builder is not on the server.
 *
 * <p>Immutable and thread-safe. The session stays the caller's: closing it is theirs too.
 */
public final class McpTools {
  private static final ToolHints UNTRUSTED = ToolHints.none().withDestructive(true);
  private static final JsonValue ANY_OBJECT = JsonValue.parse("{\"type\":\"object\"}");

  private final Map<String, McpTool> tools;

  private McpTools(Map<String, McpTool> tools) {
    this.tools = tools;
  }

  /**
   * Starts wrapping the tools of {@code client}, an initialized session, under {@code prefix}.
   *
   * @throws XctException if {@code prefix} is not a valid tool name
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(McpSyncClient client, String prefix) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(prefix, "prefix");
    if (!ToolSpec.isValidName(prefix)) {
      throw new XctException(
          "MCP tool prefix '" + prefix + "' must match " + ToolSpec.NAME_PATTERN);
    }
    return new Builder(client, prefix);
  }

  /** Returns the tools as a toolkit, to register with one call; it has no validators. */
  public Toolkit toolkit() {
    return Toolkit.of(List.copyOf(tools.values()), List.of());
  }

  /** Returns the tools, in the server's order. */
  public List<McpTool> tools() {
    return List.copyOf(tools.values());
  }

  /** Returns the tool registered under the XCT name {@code name}, or empty. */
  public Optional<McpTool> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  @Override
  public String toString() {
    return "McpTools" + tools.keySet();
  }

  /** Configures {@link McpTools}. Not thread-safe; {@link #build()} lists the server's tools. */
  public static final class Builder {
    private final McpSyncClient client;
    private final String prefix;
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Map<String, ToolHints> hints = new LinkedHashMap<>();
    private final Set<String> only = new LinkedHashSet<>();
    private boolean trustAnnotations;
    private Duration timeout;
    private McpCancellingTransport cancelling;

    private Builder(McpSyncClient client, String prefix) {
      this.client = client;
      this.prefix = prefix;
    }

    /**
     * Gives the MCP tool {@code mcpName} the full XCT name {@code xctName} instead of the mapped
     * one.
     */
    public Builder rename(String mcpName, String xctName) {
      renames.put(
          Objects.requireNonNull(mcpName, "mcpName"), Objects.requireNonNull(xctName, "xctName"));
      return this;
    }

    /**
     * Wraps only the named MCP tools (each call adds to the set); by default every tool is wrapped.
     */
    public Builder only(String... mcpNames) {
      for (String name : mcpNames) {
        only.add(Objects.requireNonNull(name, "mcpName"));
      }
      return this;
    }

    /**
     * Sets whether the server's annotations become the tools' hints ({@code readOnlyHint} → read
     * only, {@code destructiveHint} → destructive, {@code idempotentHint} → idempotent). Off by
     * default: every tool is then destructive, so that a server claiming {@code readOnlyHint} does
     * not skip approval. Turn it on only for a server you trust as much as your own code.
     */
    public Builder trustAnnotations(boolean trust) {
      this.trustAnnotations = trust;
      return this;
    }

    /** Sets the hints of the MCP tool {@code mcpName}, whatever the server claims. */
    public Builder hints(String mcpName, ToolHints toolHints) {
      hints.put(
          Objects.requireNonNull(mcpName, "mcpName"), Objects.requireNonNull(toolHints, "hints"));
      return this;
    }

    /**
     * Sets every tool's own timeout (see {@link ToolSpec#timeout()}); by default the loop's
     * applies.
     *
     * @throws XctException if not positive
     */
    public Builder timeout(Duration toolTimeout) {
      if (toolTimeout == null || toolTimeout.isNegative() || toolTimeout.isZero()) {
        throw new XctException("MCP tool timeout must be positive, was: " + toolTimeout);
      }
      this.timeout = toolTimeout;
      return this;
    }

    /**
     * Sends MCP's {@code notifications/cancelled} through {@code transport}, the transport the
     * session was built on, for every call the loop abandons; without it an abandoned call is only
     * dropped on this side.
     */
    public Builder cancellation(McpCancellingTransport transport) {
      this.cancelling = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Lists the server's tools (every page) and returns them frozen.
     *
     * @throws XctException as the class describes, or if listing fails
     */
    public McpTools build() {
      List<McpSchema.Tool> listed = list();
      Map<String, McpSchema.Tool> byName = new LinkedHashMap<>();
      listed.forEach(tool -> byName.putIfAbsent(tool.name(), tool));
      requireListed(byName.keySet(), only, "only(...)");
      requireListed(byName.keySet(), renames.keySet(), "rename(...)");
      requireListed(byName.keySet(), hints.keySet(), "hints(...)");
      List<String> chosen = new ArrayList<>();
      byName.keySet().stream().filter(n -> only.isEmpty() || only.contains(n)).forEach(chosen::add);
      Map<String, String> names = ToolNames.map(prefix, chosen, renames);
      McpJsonMapper mapper = McpJsonDefaults.getMapper();
      Map<String, McpTool> tools = new LinkedHashMap<>();
      for (String mcpName : chosen) {
        McpSchema.Tool tool = byName.get(mcpName);
        McpAnnotations claimed = McpAnnotations.of(tool.annotations());
        ToolSpec.Builder spec =
            ToolSpec.builder(names.get(mcpName))
                .description(tool.description() == null ? "" : tool.description())
                .inputSchema(
                    tool.inputSchema() == null ? ANY_OBJECT : JsonValue.from(tool.inputSchema()))
                .hints(hints.getOrDefault(mcpName, hintsFor(claimed)));
        if (timeout != null) {
          spec.timeout(timeout);
        }
        tools.put(
            names.get(mcpName),
            new McpTool(client, mapper, spec.build(), mcpName, claimed, cancelling));
      }
      // Compile every schema now, so that a bad one fails the build here, naming the tool.
      ToolRegistry.builder().addAll(tools.values()).build();
      return new McpTools(java.util.Collections.unmodifiableMap(tools));
    }

    private ToolHints hintsFor(McpAnnotations claimed) {
      if (!trustAnnotations) {
        return UNTRUSTED;
      }
      if (claimed.readOnly()) {
        return ToolHints.readOnlyTool();
      }
      return new ToolHints(false, claimed.destructive(), claimed.idempotent());
    }

    private List<McpSchema.Tool> list() {
      List<McpSchema.Tool> all = new ArrayList<>();
      String cursor = null;
      Set<String> seen = new LinkedHashSet<>();
      try {
        do {
          McpSchema.ListToolsResult page =
              cursor == null ? client.listTools() : client.listTools(cursor);
          all.addAll(page.tools());
          cursor = page.nextCursor();
        } while (cursor != null && seen.add(cursor));
      } catch (RuntimeException e) {
        throw new XctException(
            "could not list the tools of MCP server '" + prefix + "': " + e.getMessage(), e);
      }
      return all;
    }

    private static void requireListed(Set<String> listed, Set<String> named, String where) {
      for (String name : named) {
        if (!listed.contains(name)) {
          throw new XctException(
              where + " names MCP tool '" + name + "', which the server does not list");
        }
      }
    }
  }
}
