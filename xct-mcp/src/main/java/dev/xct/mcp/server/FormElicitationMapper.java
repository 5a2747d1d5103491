package dev.xct.mcp.server;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delegates to the SDK's JSON mapper, except that it writes an {@code elicitation/create} request's
 * form parameters as a plain object. The SDK 2.2.0's Jackson 3 mapper cannot write {@link
 * McpSchema.ElicitFormRequest} (its {@code mode} is both the type id and a property), and the
 * failed write ends the transport's outbound stream for good. {@code mode} is left out: the
 * specification makes form the default. Thread-safe as its delegate.
 */
final class FormElicitationMapper implements McpJsonMapper {
  private final McpJsonMapper delegate;

  FormElicitationMapper(McpJsonMapper delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return delegate.readValue(content, type);
  }

  @Override
  public <T> T convertValue(Object value, Class<T> type) {
    return delegate.convertValue(writable(value), type);
  }

  @Override
  public <T> T convertValue(Object value, TypeRef<T> type) {
    return delegate.convertValue(writable(value), type);
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return delegate.writeValueAsString(writable(value));
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return delegate.writeValueAsBytes(writable(value));
  }

  private static Object writable(Object value) {
    if (value instanceof McpSchema.JSONRPCRequest request
        && request.params() instanceof McpSchema.ElicitFormRequest form) {
      return new McpSchema.JSONRPCRequest(
          request.jsonrpc(), request.method(), request.id(), params(form));
    }
    return value instanceof McpSchema.ElicitFormRequest form ? params(form) : value;
  }

  private static Map<String, Object> params(McpSchema.ElicitFormRequest form) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("message", form.message());
    params.put("requestedSchema", form.requestedSchema());
    if (form.meta() != null) {
      params.put("_meta", form.meta());
    }
    return params;
  }
}
