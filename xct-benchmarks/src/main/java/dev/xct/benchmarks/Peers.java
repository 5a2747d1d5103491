package dev.xct.benchmarks;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.lang.reflect.Method;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * Holds the peers' own per-call dispatch paths for the same tool: LangChain4j's {@link
 * DefaultToolExecutor} over a {@code @Tool} method and Spring AI's {@code MethodToolCallback} made
 * by {@link ToolCallbacks#from}. Each gets the arguments as the JSON string a provider's tool-call
 * API delivers (they never parse the model's whole reply; their model integration does).
 * Thread-safe.
 */
final class Peers {
  /** The tool as LangChain4j users write it. */
  public static final class LangChainNotes {
    /** Stores a note. */
    @dev.langchain4j.agent.tool.Tool(name = "note_add", value = "Stores a note")
    public Fixtures.Stored add(@P("key") String key, @P("value") String value) {
      return Floor.add(key, value);
    }
  }

  /** The tool as Spring AI users write it. */
  public static final class SpringNotes {
    /** Stores a note. */
    @org.springframework.ai.tool.annotation.Tool(name = "note_add", description = "Stores a note")
    public Fixtures.Stored add(
        @ToolParam(description = "key") String key,
        @ToolParam(description = "value") String value) {
      return Floor.add(key, value);
    }
  }

  private final DefaultToolExecutor langChain;
  private final ToolExecutionRequest request;
  private final ToolCallback spring;

  Peers() {
    try {
      Method method = LangChainNotes.class.getMethod("add", String.class, String.class);
      langChain = new DefaultToolExecutor(new LangChainNotes(), method);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    request =
        ToolExecutionRequest.builder()
            .id("call-1")
            .name("note_add")
            .arguments(Fixtures.ARGUMENTS)
            .build();
    spring = ToolCallbacks.from(new SpringNotes())[0];
  }

  private static final tools.jackson.databind.json.JsonMapper MAPPER =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /**
   * Extracts the arguments string from the model's whole reply, as a provider integration does
   * before the peers' dispatch sees it: a Jackson parse of the reply and a write of the arguments.
   */
  static String argumentsOf(String reply) {
    return MAPPER.writeValueAsString(MAPPER.readTree(reply).get("next_step").get("arguments"));
  }

  /** LangChain4j from the whole reply: parse, then dispatch. */
  String langChain4jFromReply(String reply) {
    ToolExecutionRequest fromReply =
        ToolExecutionRequest.builder()
            .id("call-1")
            .name("note_add")
            .arguments(argumentsOf(reply))
            .build();
    return langChain.execute(fromReply, "memory-1");
  }

  /** Spring AI from the whole reply: parse, then dispatch. */
  String springAiFromReply(String reply) {
    return spring.call(argumentsOf(reply));
  }

  /** LangChain4j: arguments JSON to the method and back to a string. */
  String langChain4j() {
    return langChain.execute(request, "memory-1");
  }

  /** Spring AI: arguments JSON to the method and back to a string. */
  String springAi() {
    return spring.call(Fixtures.ARGUMENTS);
  }
}
