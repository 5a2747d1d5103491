package dev.xct.demo.k8s;

import dev.xct.core.tool.Tool;
import java.util.List;

/**
 * Creates the four demo tools over one {@link InMemoryCluster}: {@code k8s.cluster.status}, {@code
 * k8s.deployments.list}, {@code k8s.deployments.create} and the destructive {@code
 * k8s.deployments.delete}.
 */
public final class K8sTools {
  private K8sTools() {}

  /** Returns the four tools, all acting on {@code cluster}. */
  public static List<Tool> over(InMemoryCluster cluster) {
    return List.of(
        new ClusterStatusTool(cluster),
        new DeploymentsListTool(cluster),
        new DeploymentsCreateTool(cluster),
        new DeploymentsDeleteTool(cluster));
  }
}
