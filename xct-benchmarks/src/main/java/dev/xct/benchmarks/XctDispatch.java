package dev.xct.benchmarks;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import java.time.Instant;
import java.util.List;

/**
 * XCT's dispatch path on the peers' terms: it starts from the arguments string a provider's
 * tool-call API delivers (as LangChain4j's and Spring AI's dispatch do) and does what the loop does
 * with a proposal, minus the loop's bookkeeping: parse the arguments, run the default validator
 * chain (known tool, schema, tool quota, policy), bind and call the tool, encode the result. It is
 * what an integration using native tool calls pays per call before the audit trail. Thread-safe.
 */
final class XctDispatch {
  private static final ProtocolCodec CODEC = ProtocolCodec.strict();

  private final Tool tool = Fixtures.noOpTool();
  private final List<Validator> chain;
  private final ValidationContext context;
  private final ToolContext toolContext;

  XctDispatch() {
    ToolRegistry tools = ToolRegistry.of(tool);
    chain = Fixtures.chain();
    Instant now = Instant.now();
    context = new ValidationContext("run-1", 1, tools, RunStats.builder(now).build(), now);
    toolContext = Fixtures.toolContext();
  }

  /** Parses, validates, calls and encodes one call from its arguments string. */
  String dispatch(String arguments) {
    Decision.Proposal proposal = Decision.propose(Fixtures.TOOL, JsonValue.parse(arguments), "");
    for (Validator validator : chain) {
      if (!validator.check(proposal, context).allows()) {
        return "{\"status\":\"error\"}";
      }
    }
    Result result =
        tool.execute(new ToolCall(proposal.tool(), proposal.arguments(), ""), toolContext);
    return CODEC.encode(result);
  }
}
