package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ProgramBuilder;

/**
 * Profile of {@code tar} (GNU tar 1.34). Always passed: {@code --force-local}, so that an archive
 * name with a colon is a file, never a remote host reached through rsh; {@code --no-same-owner
 * --no-same-permissions}, so that running as root does not give extracted files the archive's
 * owners or set-user-ID bits. Denied: everything that runs a program, reads names from a file,
 * keeps absolute or {@code ..} member names, follows links out of the root (creating with {@code
 * -h}, extracting through a kept directory link), sets owners, modes, extended attributes or ACLs
 * from the archive, asks questions or hangs. A first argument without a dash is option letters
 * ({@code tar xzf}). Operands and values after {@code -C} are relative to it, so every relative
 * path is checked from each directory between the working one and its root. Stateless and
 * thread-safe.
 */
final class TarProfile {
  private static final String ARCHIVE_OWNERS =
      "applies owners, permissions or attributes from the archive (set-user-ID files as root)";

  private TarProfile() {}

  static Profile profile() {
    ProgramBuilder tar =
        Program.builder("tar")
            .oldStyleOptions()
            .fixedArguments("--force-local", "--no-same-owner", "--no-same-permissions")
            .flags("-t", "--list", "-x", "--extract", "--get", "-c", "--create", "-d", "--diff")
            .flags("--compare", "-r", "--append", "-u", "--update", "-A", "--catenate")
            .flags("--concatenate", "--delete", "--test-label", "-S", "--sparse", "-G")
            .flags("--incremental", "--ignore-failed-read", "-n", "--seek", "--no-seek")
            .flags("--no-check-device", "--check-device", "-W", "--verify", "--remove-files")
            .flags("-k", "--keep-old-files", "--skip-old-files", "--keep-newer-files")
            .flags("--overwrite", "--no-overwrite-dir", "--overwrite-dir", "-U", "--unlink-first")
            .flags("--recursive-unlink", "-O", "--to-stdout", "--ignore-command-error")
            .flags("--no-ignore-command-error", "--clamp-mtime", "-m", "--touch")
            .flags("--no-same-owner", "--numeric-owner", "--no-same-permissions", "-s")
            .flags("--preserve-order", "--same-order", "--delay-directory-restore")
            .flags("--no-delay-directory-restore", "--no-xattrs", "--no-selinux", "--no-acls")
            .flags("--force-local", "-i", "--ignore-zeros", "-B", "--read-full-records")
            .flags("--old-archive", "--portability", "--posix", "-a", "--auto-compress")
            .flags("--no-auto-compress", "-j", "--bzip2", "-z", "--gzip", "--gunzip", "--ungzip")
            .flags("-Z", "--compress", "--uncompress", "--lzip", "--lzma", "--lzop", "-J", "--xz")
            .flags("--zstd", "--one-file-system", "--hard-dereference", "-l", "--check-links")
            .flags("--utc", "--full-time", "-R", "--block-number", "--show-defaults")
            .flags("--show-snapshot-field-ranges", "--show-omitted-dirs")
            .flags("--show-transformed-names", "--show-stored-names", "-v", "--verbose", "-o")
            .flags("--restrict", "--null", "--no-null", "--unquote", "--no-unquote")
            .flags("--verbatim-files-from", "--no-verbatim-files-from", "--exclude-caches")
            .flags("--exclude-caches-under", "--exclude-caches-all", "--exclude-vcs")
            .flags("--exclude-vcs-ignores", "--exclude-backups", "--recursion", "--no-recursion")
            .flags("--anchored", "--no-anchored", "--ignore-case", "--no-ignore-case")
            .flags("--wildcards", "--no-wildcards", "--wildcards-match-slash")
            .flags("--no-wildcards-match-slash", "--help", "--usage", "--version")
            .valueOptions("--hole-detection", "--sparse-version", "--level", "--owner", "--group")
            .valueOptions("--mode", "--sort", "-b", "--blocking-factor", "--record-size", "-H")
            .valueOptions("--format", "--pax-option", "-V", "--label", "-K", "--starting-file")
            .valueOptions("--suffix", "--strip-components", "--transform", "--xform")
            .valueOptions("--quoting-style", "--quote-chars", "--no-quote-chars", "--warning")
            .valueOptions("--exclude", "--exclude-tag", "--exclude-tag-under", "--exclude-tag-all")
            .valueOptions("--program-name")
            .pathOptions("-g", "--listed-incremental", "--owner-map", "--group-map", "--mtime")
            .pathOptions("-f", "--file", "--volno-file", "-N", "--newer", "--after-date")
            .pathOptions("--newer-mtime", "--index-file", "--add-file", "-C", "--directory", "-X")
            .pathOptions("--exclude-from")
            .optionalValueOptions("--occurrence", "--atime-preserve", "--backup", "--checkpoint")
            .optionalValueOptions("--totals")
            .optionalPathOptions("--one-top-level");
    for (String runs :
        new String[] {
          "--to-command",
          "--rmt-command",
          "--rsh-command",
          "-I",
          "--use-compress-program",
          "--checkpoint-action",
          "-F",
          "--info-script",
          "--new-volume-script"
        }) {
      tar.deniedOption(runs, Reasons.RUNS);
    }
    for (String owners :
        new String[] {
          "--same-owner",
          "-p",
          "--preserve-permissions",
          "--same-permissions",
          "--xattrs",
          "--xattrs-include",
          "--xattrs-exclude",
          "--selinux",
          "--acls"
        }) {
      tar.deniedOption(owners, ARCHIVE_OWNERS);
    }
    for (String prompts :
        new String[] {
          "-M", "--multi-volume", "-L", "--tape-length", "-w", "--interactive", "--confirmation"
        }) {
      tar.deniedOption(prompts, Reasons.INTERACTIVE);
    }
    for (int digit = 0; digit <= 9; digit++) {
      tar.deniedOption("-" + digit, "selects a tape drive");
    }
    String absolute = "keeps absolute and .. member names, which lead outside the root";
    return new Profile(
        tar.deniedOption("-P", absolute)
            .deniedOption("--absolute-names", absolute)
            .deniedOption("-h", Reasons.FOLLOWS_LINKS)
            .deniedOption("--dereference", Reasons.FOLLOWS_LINKS)
            .deniedOption("--keep-directory-symlink", Reasons.FOLLOWS_LINKS)
            .deniedOption("-T", Reasons.NAMES_FROM_FILE)
            .deniedOption("--files-from", Reasons.NAMES_FROM_FILE)
            .deniedOption("--exclude-ignore", "reads pattern files next to every directory")
            .deniedOption(
                "--exclude-ignore-recursive", "reads pattern files next to every directory")
            .deniedOption("--HANG", "sleeps for an hour")
            .build(),
        Profile.Ancestors.ALL,
        false);
  }
}
