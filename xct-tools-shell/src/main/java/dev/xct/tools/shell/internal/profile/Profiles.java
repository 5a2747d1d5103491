package dev.xct.tools.shell.internal.profile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@link Profile} of a program by the name a rule gives it or by the name of the file it
 * resolves to ({@code /usr/bin/gsed}, a link named {@code mysed} to {@code sed}). Immutable and
 * thread-safe.
 */
public final class Profiles {
  private static final Map<String, Profile> BY_NAME = all();

  private Profiles() {}

  /** Returns the profile of the program called {@code name}, if XCT has one. */
  public static Optional<Profile> forName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    Profile profile = BY_NAME.get(lower);
    if (profile == null && lower.length() > 1 && lower.charAt(0) == 'g') {
      profile = BY_NAME.get(lower.substring(1)); // GNU's g-prefixed names: gsed, gtar, gfind
    }
    return Optional.ofNullable(profile);
  }

  /**
   * Returns the profile for a rule named {@code ruleName} whose executable's real file is named
   * {@code realName}; a multi-call binary ({@code busybox}) is known by the rule's name only.
   */
  public static Optional<Profile> find(String ruleName, String realName) {
    Optional<Profile> byName = forName(ruleName);
    if (byName.isPresent() || realName.equals("busybox") || realName.equals("toybox")) {
      return byName;
    }
    return forName(realName);
  }

  private static Map<String, Profile> all() {
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (Profile profile : ProgramProfiles.all()) {
      profiles.put(profile.name(), profile);
    }
    return Map.copyOf(profiles);
  }
}
