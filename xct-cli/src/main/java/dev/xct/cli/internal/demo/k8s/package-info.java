/**
 * The small Kubernetes-like cluster of {@code xct demo}: a cluster held in memory and four tools
 * over it, the last one destructive and therefore approval-gated. The demo owns this copy so that
 * the CLI ships none of {@code xct-examples}, whose {@code dev.xct.examples.k8s} teaches the same
 * tools to people writing their own; the two may drift apart.
 */
package dev.xct.cli.internal.demo.k8s;
