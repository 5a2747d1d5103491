/**
 * Loads and checks XCT policy files, the YAML or JSON files that say what an agent may touch and
 * do: {@link dev.xct.policy.PolicyFile} reads one, and every problem, located by line and column,
 * is reported together in a {@link dev.xct.policy.PolicyFileException}; {@link
 * dev.xct.policy.CheckedPolicy} adds the warnings. The file's rules, approval mode and budgets are
 * the core's own types, ready for an {@code ExecutionLoop}. The format is in {@code docs/cli.md},
 * its use from an application in {@code docs/policy.md}.
 */
package dev.xct.policy;
