package dev.xct.core.context;

import java.util.Objects;

/**
 * Holds one chat message of the rendered context, in the role-based shape every chat API accepts.
 *
 * @param role who speaks
 * @param content the text
 */
public record ChatMessage(Role role, String content) {
  /** Names who speaks in a chat message. */
  public enum Role {
    /** Instructions from the system: the protocol and the tool catalog. */
    SYSTEM,
    /** The task and the system's responses to each step. */
    USER,
    /** The model's own earlier replies. */
    ASSISTANT
  }

  /**
   * @throws NullPointerException if a component is null
   */
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /** Returns a system message. */
  public static ChatMessage system(String content) {
    return new ChatMessage(Role.SYSTEM, content);
  }

  /** Returns a user message. */
  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content);
  }

  /** Returns an assistant message. */
  public static ChatMessage assistant(String content) {
    return new ChatMessage(Role.ASSISTANT, content);
  }
}
