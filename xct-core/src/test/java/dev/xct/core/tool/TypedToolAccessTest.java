package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Result;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tests run on the module path, patched into {@code dev.xct.core}: this package is exported but
 * not open, so Jackson can construct its public records only. A record it cannot construct must
 * fail when the tool is built, naming the fix, never later as an {@code INVALID_ARGUMENTS} result
 * that blames the model.
 */
public class TypedToolAccessTest {
  private static final String PKG = "dev.xct.core.tool";

  record PackagePrivateArgs(String name) {}

  protected record ProtectedArgs(String name) {}

  private record PrivateArgs(String name) {}

  record Inner(String value) {}

  public record PublicArgs(String name) {}

  @SuppressWarnings("exports") // javac's hint at the same mistake; the test makes it on purpose
  public record WithInnerList(List<Inner> items) {}

  @SuppressWarnings("exports")
  public record WithDeepOptional(Optional<Map<String, Inner>> byName) {}

  public record WithPublicInner(PublicArgs inner) {}

  static final class PackagePrivateTool extends TypedTool<PackagePrivateArgs> {
    PackagePrivateTool() {
      super("x.sub", "", PackagePrivateArgs.class);
    }

    @Override
    public Result execute(PackagePrivateArgs arguments, ToolContext context) {
      return Result.success("unused");
    }
  }

  private static TypedTool<?> typed(Class<? extends Record> type) {
    return Tools.typed("x.y", "", type, (args, context) -> Result.success(args.toString()));
  }

  @Test
  void packagePrivateRecordFailsWhenTheToolIsBuilt() {
    assertThatThrownBy(() -> typed(PackagePrivateArgs.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessage(
            "tool 'x.y': Jackson cannot construct the argument record "
                + PackagePrivateArgs.class.getName()
                + ": it is not public and package "
                + PKG
                + " of module dev.xct.core is not open to tools.jackson.databind; make it public,"
                + " or add 'opens "
                + PKG
                + " to tools.jackson.databind;' to the module-info.java of dev.xct.core");
  }

  @Test
  void protectedAndPrivateRecordsFailLikeAPackagePrivateOne() {
    assertThatThrownBy(() -> typed(ProtectedArgs.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageContaining(ProtectedArgs.class.getName() + ": it is not public");
    assertThatThrownBy(() -> typed(PrivateArgs.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageContaining(PrivateArgs.class.getName() + ": it is not public");
  }

  @Test
  void localRecordIsToldToMoveOutOfTheMethod() {
    record Local(String name) {}
    assertThatThrownBy(() -> typed(Local.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageContaining(
            "it is not public and package dev.xct.core.tool of module dev.xct.core is not open to"
                + " tools.jackson.databind; declare it outside the method as a public record, or"
                + " add 'opens dev.xct.core.tool to tools.jackson.databind;'");
  }

  @Test
  void subclassConstructorChecksToo() {
    assertThatThrownBy(PackagePrivateTool::new)
        .isExactlyInstanceOf(XctException.class)
        .hasMessageStartingWith("tool 'x.sub': Jackson cannot construct the argument record");
  }

  @Test
  void handWrittenSchemaDoesNotSkipTheCheck() {
    ToolSpec.Builder spec =
        ToolSpec.builder("x.y").inputSchema(JsonValue.parse("{\"type\":\"object\"}"));
    assertThatThrownBy(
            () ->
                Tools.typed(
                    spec, PackagePrivateArgs.class, (args, context) -> Result.success("unused")))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageContaining("it is not public");
  }

  @Test
  void recordInsideAComponentIsNamedWithItsPath() {
    assertThatThrownBy(() -> typed(WithInnerList.class))
        .isExactlyInstanceOf(XctException.class)
        .hasMessageStartingWith(
            "tool 'x.y': Jackson cannot construct the record "
                + Inner.class.getName()
                + " at 'items' of "
                + WithInnerList.class.getName()
                + ": it is not public");
    assertThatThrownBy(() -> typed(WithDeepOptional.class))
        .hasMessageContaining(" at 'byName' of ");
  }

  @Test
  void publicRecordsOfAnExportedPackageBuildAndBind() {
    TypedTool<?> tool = typed(WithPublicInner.class);

    Result result =
        tool.execute(
            new ToolCall("x.y", JsonValue.parse("{\"inner\":{\"name\":\"n\"}}"), "goal"), null);

    assertThat(result).isEqualTo(Result.success("WithPublicInner[inner=PublicArgs[name=n]]"));
  }
}
