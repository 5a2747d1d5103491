/**
 * Policy files for XCT: loads the YAML or JSON files the {@code xct} command uses, checks them with
 * every problem located by line and column, and turns them into the settings of the core (rules,
 * approval, budgets) and of the file and shell tools. Exports only {@code dev.xct.policy}; the
 * reader in {@code dev.xct.policy.internal} stays hidden.
 */
module dev.xct.policy {
  requires transitive dev.xct.core;
  requires transitive dev.xct.tools.fs;
  requires transitive dev.xct.tools.shell;
  requires tools.jackson.dataformat.yaml;
  requires com.networknt.schema;
  requires org.slf4j;

  exports dev.xct.policy;
}
