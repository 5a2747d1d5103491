package dev.xct.model.support.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for a model provider: a real HTTP server on 127.0.0.1 that answers each request with
 * the next scripted reply (usually a recorded response from {@code fixtures/}) and records every
 * request for assertions. Replies can also stall past the client's timeout or drop the connection.
 */
public final class LoopbackServer implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Recorded> requests = new ArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch hungUp = new CountDownLatch(1);

  /** One scripted reply. */
  public record Reply(int status, String body, Map<String, String> headers, Behaviour behaviour) {
    /** Answers 200 with a recorded response from {@code fixtures/<name>}. */
    public static Reply fixture(String name) {
      return new Reply(200, LoopbackServer.fixture(name), Map.of(), Behaviour.ANSWER);
    }

    /** Answers {@code status} with a recorded error body and extra headers. */
    public static Reply error(int status, String fixture, Map<String, String> headers) {
      return new Reply(status, LoopbackServer.fixture(fixture), headers, Behaviour.ANSWER);
    }

    /** Answers 200 with {@code body}. */
    public static Reply body(String body) {
      return new Reply(200, body, Map.of(), Behaviour.ANSWER);
    }

    /** Never answers (until the server closes, at most 20 s): slower than any test timeout. */
    public static Reply stall() {
      return new Reply(0, "", Map.of(), Behaviour.STALL);
    }

    /** Closes the connection without sending a response. */
    public static Reply drop() {
      return new Reply(0, "", Map.of(), Behaviour.DROP);
    }

    /**
     * Answers 200, then sends a space every 20 ms and never the rest (until the server closes, at
     * most 20 s): a model still generating. Notices when the client hangs up; see {@link
     * LoopbackServer#awaitHangUp}.
     */
    public static Reply trickle() {
      return new Reply(200, "", Map.of(), Behaviour.TRICKLE);
    }
  }

  /** How a reply is delivered. */
  public enum Behaviour {
    ANSWER,
    STALL,
    DROP,
    TRICKLE
  }

  /** One request as received. */
  public record Recorded(
      String method, String path, Map<String, List<String>> headers, String body) {
    /** Returns the body parsed as JSON. */
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** Returns the first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }
  }

  private LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the text of {@code fixtures/<name>} from the test class path. */
  public static String fixture(String name) {
    try (InputStream in = LoopbackServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends replies to the script. */
  public synchronized LoopbackServer enqueue(Reply... next) {
    replies.addAll(List.of(next));
    return this;
  }

  /** Appends 200 replies with the given fixtures. */
  public LoopbackServer enqueueFixtures(String... names) {
    for (String name : names) {
      enqueue(Reply.fixture(name));
    }
    return this;
  }

  /** Returns the OpenAI-style base URL, {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Returns every request received so far. */
  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /**
   * Waits until at least {@code count} requests have arrived (at most 10 s) and returns them all. A
   * client that timed out may give up before the server has even read its request.
   */
  public synchronized List<Recorded> awaitRequests(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (requests.size() < count) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("expected " + count + " requests, got " + requests.size());
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for requests", e);
      }
    }
    return List.copyOf(requests);
  }

  /** Returns the only request received, failing if there was not exactly one. */
  public Recorded onlyRequest() {
    List<Recorded> all = requests();
    if (all.size() != 1) {
      throw new AssertionError("expected one request, got " + all.size());
    }
    return all.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Reply reply;
    synchronized (this) {
      requests.add(
          new Recorded(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              new LinkedHashMap<>(exchange.getRequestHeaders()),
              body));
      notifyAll();
      reply = replies.poll();
    }
    if (reply == null) {
      reply =
          new Reply(
              500, "{\"error\":{\"message\":\"no reply scripted\"}}", Map.of(), Behaviour.ANSWER);
    }
    if (reply.behaviour() == Behaviour.STALL) {
      try {
        closing.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (reply.behaviour() == Behaviour.TRICKLE) {
      trickle(exchange);
      return;
    }
    if (reply.behaviour() == Behaviour.DROP) {
      // An exception out of the handler makes the JDK server close the connection unanswered.
      throw new IOException("dropping the connection on purpose");
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Waits until a client hung up on a {@link Reply#trickle()} reply (at most {@code seconds}) and
   * returns whether one did.
   */
  public boolean awaitHangUp(long seconds) {
    try {
      return hungUp.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void trickle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try {
      // Ends unfinished after 20 s at most: the client then sees a broken body, not a hang.
      while (!closing.await(20, TimeUnit.MILLISECONDS) && System.nanoTime() < until) {
        // Writing is how a server learns the client is gone: the write after the reset fails.
        out.write(' ');
        out.flush();
      }
    } catch (IOException e) {
      hungUp.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
