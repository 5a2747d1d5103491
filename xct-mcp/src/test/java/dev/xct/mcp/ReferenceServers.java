package dev.xct.mcp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the reference MCP servers (written by the MCP project, pinned in src/test/mcp) over stdio
 * for the interop tests. They are installed with {@code npm ci} into target/node, by .ci/run or, on
 * first use, here. Without Node.js the tests are skipped, except under CI, where they fail.
 */
final class ReferenceServers {
  static final Path NODE_DIR = Path.of("target", "node").toAbsolutePath();
  private static final Path PINNED = Path.of("src", "test", "mcp").toAbsolutePath();

  private ReferenceServers() {}

  /**
   * Returns a started, initialized session with {@code @modelcontextprotocol/server-everything}.
   */
  static McpSyncClient everything(Duration requestTimeout) {
    return start(script("server-everything"), List.of("stdio"), requestTimeout);
  }

  /**
   * Returns a started, initialized session with {@code @modelcontextprotocol/server-filesystem}
   * allowing {@code allowed}.
   */
  static McpSyncClient filesystem(Path allowed) {
    return start(script("server-filesystem"), List.of(allowed.toString()), Duration.ofSeconds(30));
  }

  /**
   * Starts server-everything's streamable HTTP transport on {@code port} and returns the process
   * once it says it listens; the caller destroys it.
   */
  static Process everythingOverHttp(int port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(node(), script("server-everything").toString(), "streamableHttp")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    Process process = builder.start();
    BufferedReader errors =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    for (String line = errors.readLine(); ; line = errors.readLine()) {
      if (line == null) {
        process.destroy();
        fail("server-everything (streamable HTTP) ended before it listened on port " + port);
      }
      if (line.contains("listening on port")) {
        Thread drain = new Thread(() -> errors.lines().forEach(ignored -> {}));
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
  }

  /**
   * Returns a session with one of the small test servers in src/test/mcp ({@code
   * changing-server.mjs}, {@code refusing-server.mjs}, {@code abandoned-server.mjs}), written with
   * the MCP TypeScript SDK.
   */
  static McpSyncClient testServer(String file) {
    return connect(testServerTransport(file), Duration.ofSeconds(30));
  }

  /** Returns the transport of a small test server in src/test/mcp, not yet connected. */
  static StdioClientTransport testServerTransport(String file) {
    installed();
    Path script = NODE_DIR.resolve(file);
    try {
      Files.copy(PINNED.resolve(file), script, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("could not copy " + file, e);
    }
    return transport(script, List.of());
  }

  private static McpSyncClient start(Path script, List<String> args, Duration requestTimeout) {
    return connect(transport(script, args), requestTimeout);
  }

  /** Returns an initialized session over {@code transport}. */
  static McpSyncClient connect(McpClientTransport transport, Duration requestTimeout) {
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(requestTimeout)
            .initializationTimeout(Duration.ofSeconds(60))
            .build();
    client.initialize();
    return client;
  }

  private static StdioClientTransport transport(Path script, List<String> args) {
    List<String> all = new ArrayList<>();
    all.add(script.toString());
    all.addAll(args);
    ServerParameters server = ServerParameters.builder(node()).args(all).build();
    StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(line -> {});
    return transport;
  }

  private static Path script(String server) {
    installed();
    return NODE_DIR
        .resolve("node_modules/@modelcontextprotocol")
        .resolve(server)
        .resolve("dist/index.js");
  }

  /** Installs the pinned packages unless target/node already holds exactly the pinned lock file. */
  private static synchronized void installed() {
    node(); // skips (or fails, under CI) first when Node.js is missing
    try {
      Path lock = NODE_DIR.resolve("package-lock.json");
      if (Files.isRegularFile(lock)
          && Files.mismatch(lock, PINNED.resolve("package-lock.json")) == -1
          && Files.isDirectory(NODE_DIR.resolve("node_modules"))) {
        return;
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not compare the lock files", e);
    }
    install();
  }

  private static String node() {
    Optional<Path> node = onPath("node");
    if (node.isEmpty()) {
      String why = "Node.js (node) is not on the PATH: the MCP interop tests need it";
      if (System.getenv("CI") != null) {
        fail(why + ", and CI must run them (.ci/run installs it)");
      }
      assumeTrue(false, why + "; skipped");
    }
    return node.get().toString();
  }

  /** Installs the pinned servers as .ci/run does: npm ci from the lock file, into target/node. */
  private static void install() {
    String npm = onPath("npm").map(Path::toString).orElse(null);
    if (npm == null) {
      fail("the reference MCP servers are not installed in " + NODE_DIR + " and npm is missing");
    }
    try {
      Files.createDirectories(NODE_DIR);
      for (String file : List.of("package.json", "package-lock.json")) {
        Files.copy(
            PINNED.resolve(file), NODE_DIR.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      Process process =
          new ProcessBuilder(npm, "ci", "--prefix", NODE_DIR.toString(), "--no-audit", "--no-fund")
              .redirectErrorStream(true)
              .redirectOutput(NODE_DIR.resolve("npm-ci.log").toFile())
              .start();
      if (process.waitFor() != 0) {
        fail("npm ci of the reference MCP servers failed; see " + NODE_DIR.resolve("npm-ci.log"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not install the reference MCP servers", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing the reference MCP servers", e);
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
