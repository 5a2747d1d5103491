package com.acme.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.Tools;
import dev.xct.mcp.McpTools;
import dev.xct.model.langchain4j.LangChain4jModelClient;
import dev.xct.model.openai.OpenAiModelClient;
import dev.xct.model.springai.SpringAiModelClient;
import dev.xct.model.support.TokenBudget;
import dev.xct.otel.RunSpans;
import dev.xct.policy.PolicyFile;
import dev.xct.test.ScriptedModelClient;
import dev.xct.tools.fs.FsTools;
import dev.xct.tools.shell.ShellTools;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a user of XCT sees on the class path, with the BOM managing every version. */
class ClassPathConsumerTest {
  /** Private: on the class path Jackson may construct it, so building the tool must not refuse. */
  private record Greeting(String name) {}

  @Test
  void runsOnTheClassPath() {
    assertThat(Tools.class.getModule().isNamed()).isFalse();
  }

  @Test
  void privateArgumentRecordRunsARealLoop() {
    AtomicReference<String> greeted = new AtomicReference<>();
    ScriptedModelClient model =
        ScriptedModelClient.of(
            "{\"next_step\":{\"tool\":\"greet\",\"arguments\":{\"name\":\"Ada\"},\"goal\":\"g\"}}",
            "{\"done\":true,\"message\":\"greeted\"}");
    ExecutionLoop loop =
        ExecutionLoop.builder(
                model,
                ToolRegistry.of(
                    Tools.typed(
                        "greet",
                        "Greets someone by name",
                        Greeting.class,
                        (args, context) -> {
                          greeted.set(args.name());
                          return Result.success("Hello, " + args.name());
                        })))
            .build();

    RunResult run = loop.run("Greet Ada");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(greeted.get()).isEqualTo("Ada");
  }

  /**
   * The BOM pins each library XCT's modules share to the version XCT was built and tested with
   * (the parent POM's), whatever LangChain4j and Spring AI ask for.
   */
  @Test
  void sharedLibrariesComeAtTheVersionsXctWasBuiltWith() {
    String jackson = property("xct.jackson.version");
    assertThat(
            List.of(
                tools.jackson.core.json.PackageVersion.VERSION.toString(),
                tools.jackson.databind.cfg.PackageVersion.VERSION.toString(),
                tools.jackson.dataformat.yaml.PackageVersion.VERSION.toString()))
        .containsOnly(jackson);
    assertThat(jar(com.networknt.schema.SchemaLocation.class))
        .endsWith("/json-schema-validator-" + property("xct.networknt.version") + ".jar");
    assertThat(jar(org.slf4j.Logger.class))
        .endsWith("/slf4j-api-" + property("xct.slf4j.version") + ".jar");
    assertThat(jar(org.jspecify.annotations.Nullable.class))
        .endsWith("/jspecify-" + property("xct.jspecify.version") + ".jar");
    String mcp = property("xct.mcp-sdk.version");
    assertThat(jar(io.modelcontextprotocol.client.McpSyncClient.class))
        .endsWith("/mcp-core-" + mcp + ".jar");
    assertThat(jar(io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper.class))
        .endsWith("/mcp-json-jackson3-" + mcp + ".jar");
    assertThat(jar(reactor.core.publisher.Mono.class))
        .endsWith("/reactor-core-" + property("xct.reactor.version") + ".jar");
  }

  /** Each module's entry point comes from that module's published jar, at XCT's version. */
  @Test
  void everyLibraryModuleComesFromItsPublishedJar() {
    String version = property("xct.version");
    Map<Class<?>, String> jars =
        Map.ofEntries(
            Map.entry(FsTools.class, "xct-tools-fs"),
            Map.entry(ShellTools.class, "xct-tools-shell"),
            Map.entry(PolicyFile.class, "xct-policy"),
            Map.entry(TokenBudget.class, "xct-model-support"),
            Map.entry(OpenAiModelClient.class, "xct-model-openai"),
            Map.entry(LangChain4jModelClient.class, "xct-model-langchain4j"),
            Map.entry(SpringAiModelClient.class, "xct-model-spring-ai"),
            Map.entry(RunSpans.class, "xct-otel"),
            Map.entry(McpTools.class, "xct-mcp"),
            Map.entry(ScriptedModelClient.class, "xct-test"),
            Map.entry(Tools.class, "xct-core"));
    jars.forEach(
        (type, artifact) ->
            assertThat(jar(type)).endsWith("/" + artifact + "-" + version + ".jar"));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as(name).isNotBlank();
    return value;
  }

  private static String jar(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}
