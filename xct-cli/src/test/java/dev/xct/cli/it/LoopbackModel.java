package dev.xct.cli.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves an OpenAI-compatible chat completions endpoint on the loopback interface that answers with
 * scripted replies in order, repeating the last, so that {@code xct run} can be driven as a real
 * model would drive it.
 */
final class LoopbackModel implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  private LoopbackModel(HttpServer server) {
    this.server = server;
  }

  /** Starts a server that answers with {@code replies}. */
  static LoopbackModel replying(List<String> replies) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      LoopbackModel model = new LoopbackModel(server);
      server.createContext(
          "/v1/chat/completions",
          exchange -> {
            model.authorizations.add(
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            int call = model.calls.getAndIncrement();
            ObjectNode body = JSON.createObjectNode();
            ObjectNode choice = body.putArray("choices").addObject();
            choice
                .putObject("message")
                .put("role", "assistant")
                .put("content", replies.get(Math.min(call, replies.size() - 1)));
            choice.put("finish_reason", "stop");
            body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5);
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          });
      server.start();
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a server that answers every request 429 with {@code Retry-After: seconds}. */
  static LoopbackModel rateLimited(int seconds) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      LoopbackModel model = new LoopbackModel(server);
      server.createContext(
          "/v1/chat/completions",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            model.calls.getAndIncrement();
            byte[] bytes =
                "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(seconds));
            exchange.sendResponseHeaders(429, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          });
      server.start();
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns how many requests the server answered. */
  int calls() {
    return calls.get();
  }

  /** Returns the {@code Authorization} header of every request, in order. */
  List<String> authorizations() {
    return authorizations;
  }

  /** Returns the port the server listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Returns the environment that points {@code xct run} at this server. */
  Map<String, String> environment() {
    return Map.of(
        "XCT_MODEL", "loopback-model",
        "XCT_MODEL_URL", "http://127.0.0.1:" + port() + "/v1",
        "XCT_API_KEY", "test-key");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
