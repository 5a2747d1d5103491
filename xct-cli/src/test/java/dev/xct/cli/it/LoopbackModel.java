package dev.xct.cli.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
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

  /** One response: a status, extra headers and a JSON body. */
  private record Answer(int status, Map<String, String> headers, byte[] body) {}

  /** Starts a server that answers with {@code replies}. */
  static LoopbackModel replying(List<String> replies) {
    return serving(
        call -> {
          ObjectNode body = JSON.createObjectNode();
          ObjectNode choice = body.putArray("choices").addObject();
          choice
              .putObject("message")
              .put("role", "assistant")
              .put("content", replies.get(Math.min(call, replies.size() - 1)));
          choice.put("finish_reason", "stop");
          body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5);
          return new Answer(200, Map.of(), JSON.writeValueAsBytes(body));
        });
  }

  /** Starts a server that answers every request 429 with {@code Retry-After: seconds}. */
  static LoopbackModel rateLimited(int seconds) {
    byte[] body =
        "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}"
            .getBytes(StandardCharsets.UTF_8);
    return serving(call -> new Answer(429, Map.of("Retry-After", Integer.toString(seconds)), body));
  }

  /** Starts a server that answers call number {@code n} (from 0) with {@code answers.apply(n)}. */
  private static LoopbackModel serving(IntFunction<Answer> answers) {
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
            Answer answer = answers.apply(model.calls.getAndIncrement());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(answer.body());
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
