package dev.xct.policy.internal;

import dev.xct.core.XctException;
import dev.xct.core.validate.Glob;
import dev.xct.policy.FsSettings;
import dev.xct.tools.fs.HardLinkPolicy;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a policy file's {@code fs} section, reporting each deny glob that does not compile as a
 * located problem where it is written. Stateless.
 */
final class FsSection {
  private FsSection() {}

  /** Returns the section's settings; problems go to {@code reader}. */
  static FsSettings read(JsonNode node, PolicyReader reader) {
    FsSettings.Builder fs =
        FsSettings.builder()
            .deny(pathGlobs(node.path("deny"), "/fs/deny", reader))
            .denyWrite(pathGlobs(node.path("deny_write"), "/fs/deny_write", reader))
            .defaultDenies(node.path("default_denies").asBoolean(true))
            .followSymlinks(node.path("follow_symlinks").asBoolean(true))
            .hardLinks(hardLinks(node.path("hard_links").asString("refuse")));
    if (node.has("max_read_bytes")) {
      fs.maxReadBytes(node.get("max_read_bytes").asLong());
    }
    if (node.has("max_write_bytes")) {
      fs.maxWriteBytes(node.get("max_write_bytes").asLong());
    }
    return fs.build();
  }

  /** Returns the globs in {@code array}, reporting each malformed one where it is written. */
  private static List<String> pathGlobs(JsonNode array, String at, PolicyReader reader) {
    List<String> globs = PolicyReader.strings(array);
    for (int i = 0; i < globs.size(); i++) {
      try {
        Glob.forRelativePaths(globs.get(i));
      } catch (XctException e) {
        reader.add(at + "/" + i, e.getMessage());
      }
    }
    return globs;
  }

  private static HardLinkPolicy hardLinks(String value) {
    return switch (value) {
      case "allow" -> HardLinkPolicy.ALLOW;
      case "refuse-writes" -> HardLinkPolicy.REFUSE_WRITES;
      case "refuse" -> HardLinkPolicy.REFUSE;
      default -> throw new IllegalStateException("the schema admits no hard_links " + value);
    };
  }
}
