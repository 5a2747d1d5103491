/**
 * Shows how to write custom tools: a small Kubernetes-like cluster held in memory and four tools
 * over it, the last one destructive and therefore approval-gated. {@code xct demo} and the programs
 * in {@code xct-examples} run these same tools.
 */
package dev.xct.demo.k8s;
