/**
 * Reads a policy file: the located YAML or JSON tree, the JSON Schema check and its messages, and
 * what only code can check (rules, durations, the shell section's programs and presets). Not an
 * API; may change in any release.
 */
package dev.xct.policy.internal;
