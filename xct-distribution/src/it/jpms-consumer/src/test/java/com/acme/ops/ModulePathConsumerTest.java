package com.acme.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.ops.coreonly.CoreOnlyArgs;
import com.acme.ops.hidden.HiddenArgs;
import com.acme.ops.jacksononly.JacksonOnlyArgs;
import com.acme.ops.opened.OpenedTools;
import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.XctException;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.Tools;
import dev.xct.test.ScriptedModelClient;
import dev.xct.tools.fs.FsTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;

/**
 * What a user of XCT sees on the module path. Surefire runs these tests inside module
 * com.acme.ops; the first test proves it, so that a fallback to the class path (where every record
 * works) cannot make the others pass vacuously.
 */
class ModulePathConsumerTest {
  /** Public, in an exported package, but holding a record Jackson cannot reach. */
  public record Wrapper(HiddenArgs inner) {}

  record PackagePrivateArgs(String name) {}

  @Test
  void runsInNamedModules() {
    assertThat(ModulePathConsumerTest.class.getModule().getName()).isEqualTo("com.acme.ops");
    assertThat(Tools.class.getModule().getName()).isEqualTo("dev.xct.core");
    assertThat(FsTools.class.getModule().getName()).isEqualTo("dev.xct.tools.fs");
    assertThat(ObjectMapper.class.getModule().getName()).isEqualTo("tools.jackson.databind");
  }

  @Test
  void typedToolOfAnExportedPackageAndTheFileToolsRunARealLoop(@TempDir Path root)
      throws Exception {
    Services services = new Services();
    ScriptedModelClient model =
        ScriptedModelClient.of(
            """
            {"next_step":{"tool":"ops.scale","arguments":{"service":"checkout","replicas":3},\
            "goal":"scale checkout"}}""",
            """
            {"next_step":{"tool":"fs.write","arguments":{"path":"scaled.txt","content":"3"},\
            "goal":"record it"}}""",
            """
            {"done":true,"message":"checkout runs 3 replicas"}""");
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.of(services.scaleTool()))
            .toolkit(FsTools.forRoot(root).toolkit())
            .build();

    RunResult run = loop.run("Scale checkout to 3 replicas and note it");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.executions()).isEqualTo(2);
    assertThat(services.replicas("checkout")).isEqualTo(3);
    assertThat(Files.readString(root.resolve("scaled.txt"))).isEqualTo("3");
  }

  @Test
  void packagePrivateRecordOfAPackageOpenToJacksonAndXctBindsAndIsReturned() {
    Result result =
        OpenedTools.echo()
            .execute(new ToolCall("ops.echo", JsonValue.parse("{\"name\":\"n\"}"), "g"), null);

    assertThat(result).isEqualTo(Result.success(Map.of("name", "n")));
  }

  @Test
  void publicRecordOfAPackageExportedToJacksonAloneBinds() {
    Result result =
        Tools.typed(
                "ops.hello",
                "Greets",
                JacksonOnlyArgs.class,
                (a, c) -> Result.success("hello " + a.name()))
            .execute(new ToolCall("ops.hello", JsonValue.parse("{\"name\":\"n\"}"), "g"), null);

    assertThat(result).isEqualTo(Result.success("hello n"));
  }

  @Test
  void recordOfAPackageNeitherExportedNorOpenFailsWhenTheToolIsBuilt() {
    assertThatThrownBy(() -> build(HiddenArgs.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessage(
            "tool 'ops.bad': Jackson cannot construct the argument record"
                + " com.acme.ops.hidden.HiddenArgs: package com.acme.ops.hidden of module"
                + " com.acme.ops is not exported to tools.jackson.databind; add 'exports"
                + " com.acme.ops.hidden;' or 'opens com.acme.ops.hidden to"
                + " tools.jackson.databind;' to the module-info.java of com.acme.ops");
  }

  @Test
  void exportToXctAloneIsNotEnoughAndTheMessageSaysSo() {
    assertThatThrownBy(() -> build(CoreOnlyArgs.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageContaining(
            "package com.acme.ops.coreonly of module com.acme.ops is not exported to"
                + " tools.jackson.databind (exporting it to dev.xct.core is not enough)");
  }

  @Test
  void nonPublicRecordOfAnExportedPackageFailsWhenTheToolIsBuilt() {
    assertThatThrownBy(() -> build(PackagePrivateArgs.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessage(
            "tool 'ops.bad': Jackson cannot construct the argument record"
                + " com.acme.ops.ModulePathConsumerTest$PackagePrivateArgs: it is not public and"
                + " package com.acme.ops of module com.acme.ops is not open to"
                + " tools.jackson.databind; make it public, or add 'opens com.acme.ops to"
                + " tools.jackson.databind;' to the module-info.java of com.acme.ops");
  }

  @Test
  void hiddenRecordInsideAnExportedOneIsFoundAtItsComponent() {
    assertThatThrownBy(() -> build(Wrapper.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageStartingWith(
            "tool 'ops.bad': Jackson cannot construct the record com.acme.ops.hidden.HiddenArgs"
                + " at 'inner' of com.acme.ops.ModulePathConsumerTest$Wrapper: package");
  }

  private static void build(Class<? extends Record> arguments) {
    Tools.typed("ops.bad", "never built", arguments, (a, c) -> Result.success("unreachable"));
  }
}
