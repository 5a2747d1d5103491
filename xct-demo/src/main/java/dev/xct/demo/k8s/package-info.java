/**
 * Shows how to write custom tools: a small Kubernetes-like cluster held in memory and four tools
 * over it, the last one destructive and therefore approval-gated. ({@code xct demo} runs its own
 * copy of these tools, so that the CLI ships no example code.)
 */
package dev.xct.examples.k8s;
