package dev.xct.cli.internal.command;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest, or {@code dev} when run from classes. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"xct " + (version == null ? "dev" : version)};
  }
}
