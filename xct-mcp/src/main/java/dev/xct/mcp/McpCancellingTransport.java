package dev.xct.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Wraps an MCP client transport so that a call XCT abandons (its deadline passed, or the run was
 * cancelled) is cancelled on the server too, with MCP's {@code notifications/cancelled}: the SDK's
 * client (2.2.0) drops such a request without telling the server. Build the session on the wrapper
 * and hand the wrapper to {@link McpTools.Builder#cancellation(McpCancellingTransport)}:
 *
 * <pre>{@code
 * McpCancellingTransport transport = McpCancellingTransport.wrap(new StdioClientTransport(server, mapper));
 * McpSyncClient client = McpClient.sync(transport).build();
 * McpTools tools = McpTools.builder(client, "files").cancellation(transport).build();
 * }</pre>
 *
 * <p>Best effort, as MCP's cancellation is: a call abandoned before its request went out sends
 * nothing, and a server may have finished before the notification arrives. Everything else is
 * passed to the wrapped transport unchanged. Thread-safe.
 */
public final class McpCancellingTransport implements McpClientTransport {
  private static final Logger LOG = LoggerFactory.getLogger(McpCancellingTransport.class);

  private final McpClientTransport transport;
  // The SDK sends the CallToolRequest object it was given as the request's params: the identity
  // of that object links an McpTool's call to the JSON-RPC id the session chose for it.
  private final Map<Object, Object> ids = Collections.synchronizedMap(new IdentityHashMap<>());

  private McpCancellingTransport(McpClientTransport transport) {
    this.transport = transport;
  }

  /**
   * Returns {@code transport} wrapped.
   *
   * @throws NullPointerException if {@code transport} is null
   */
  public static McpCancellingTransport wrap(McpClientTransport transport) {
    return new McpCancellingTransport(Objects.requireNonNull(transport, "transport"));
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    if (message instanceof McpSchema.JSONRPCRequest request
        && McpSchema.METHOD_TOOLS_CALL.equals(request.method())
        && request.params() != null) {
      ids.put(request.params(), request.id());
    }
    return transport.sendMessage(message);
  }

  /**
   * Sends {@code notifications/cancelled} for the request made of {@code params}, if it went out.
   */
  void cancel(Object params, String reason) {
    Object id = ids.remove(params);
    if (id == null) {
      return;
    }
    transport
        .sendMessage(
            new McpSchema.JSONRPCNotification(
                McpSchema.JSONRPC_VERSION,
                "notifications/cancelled",
                Map.of("requestId", id, "reason", reason)))
        .subscribe(ignored -> {}, e -> LOG.debug("could not send notifications/cancelled", e));
  }

  /** Forgets the request made of {@code params}: it was answered. */
  void forget(Object params) {
    ids.remove(params);
  }

  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return transport.connect(handler);
  }

  @Override
  public void setExceptionHandler(Consumer<Throwable> handler) {
    transport.setExceptionHandler(handler);
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public Mono<Void> closeGracefully() {
    return transport.closeGracefully();
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return transport.unmarshalFrom(data, typeRef);
  }

  @Override
  public List<String> protocolVersions() {
    return transport.protocolVersions();
  }
}
