package dev.xct.tools.shell.internal.profile;

import java.util.ArrayList;
import java.util.List;

/** Lists every profile XCT ships. Stateless and thread-safe. */
final class ProgramProfiles {
  private ProgramProfiles() {}

  /** Returns every profile, built anew. */
  static List<Profile> all() {
    List<Profile> all = new ArrayList<>(CoreutilsProfiles.all());
    all.addAll(SearchProfiles.all());
    all.addAll(StreamProfiles.all());
    all.addAll(LauncherProfiles.all());
    all.add(TarProfile.profile());
    all.add(GitProfile.profile());
    return all;
  }
}
