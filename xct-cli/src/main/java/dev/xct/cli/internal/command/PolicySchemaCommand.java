package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.policy.PolicyFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Prints the policy file's JSON Schema: {@code xct policy schema}. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of policy files, for editors and CI checks.")
final class PolicySchemaCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand parent;

  @Override
  public Integer call() {
    try (InputStream in = PolicyFile.class.getResourceAsStream(PolicyFile.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new CliException(ExitCodes.INTERNAL, "the policy schema is missing from this jar");
      }
      parent.parent.console().out().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return ExitCodes.DONE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
