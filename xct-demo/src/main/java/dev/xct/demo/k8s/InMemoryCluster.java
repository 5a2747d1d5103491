package dev.xct.demo.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plays a small Kubernetes cluster in memory, for the demo and for tests: a control plane that is
 * always up, three nodes and a set of deployments. It is the "real world" the k8s tools change; a
 * real integration would call the Kubernetes API here instead.
 *
 * <p>New deployments start with every replica ready, so that the demo is deterministic.
 * Thread-safe: every method is atomic.
 */
public final class InMemoryCluster {
  private final Map<String, Deployment> deployments = new TreeMap<>();

  /** Returns an empty cluster. */
  public InMemoryCluster() {}

  /** Returns a cluster already running {@code existing}. */
  public static InMemoryCluster with(Deployment... existing) {
    InMemoryCluster cluster = new InMemoryCluster();
    for (Deployment deployment : existing) {
      cluster.deployments.put(deployment.name(), deployment);
    }
    return cluster;
  }

  /** Returns every deployment, sorted by name. */
  public synchronized List<Deployment> deployments() {
    return List.copyOf(deployments.values());
  }

  /** Returns the deployment called {@code name}, if there is one. */
  public synchronized Optional<Deployment> find(String name) {
    return Optional.ofNullable(deployments.get(name));
  }

  /** Adds {@code deployment} unless one of that name exists; returns whether it was added. */
  public synchronized boolean create(Deployment deployment) {
    return deployments.putIfAbsent(deployment.name(), deployment) == null;
  }

  /** Removes the deployment called {@code name}; returns what was removed, if anything. */
  public synchronized Optional<Deployment> delete(String name) {
    return Optional.ofNullable(deployments.remove(name));
  }
}
