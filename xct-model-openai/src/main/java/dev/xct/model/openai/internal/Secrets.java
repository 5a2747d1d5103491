package dev.xct.model.openai.internal;

/** Keeps the API key out of anything that may be logged or shown. */
public final class Secrets {
  private static final int MAX_MESSAGE = 500;

  private Secrets() {}

  /**
   * Returns {@code text} cut to a readable length with every occurrence of {@code secret} (if any)
   * replaced by {@code ***}.
   */
  public static String scrub(String text, String secret) {
    if (text == null) {
      return "";
    }
    String clean = secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    return clean.length() <= MAX_MESSAGE ? clean : clean.substring(0, MAX_MESSAGE) + "…";
  }
}
