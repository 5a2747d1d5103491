package dev.xct.demo.k8s;

import java.util.Objects;

/**
 * Describes one deployment in the {@link InMemoryCluster}: its name, image and how many of its
 * replicas are wanted and ready.
 *
 * @param name the deployment's name, a DNS label such as {@code nginx}
 * @param image the container image, such as {@code nginx:1.27}
 * @param replicas the number of replicas wanted
 * @param ready the number of replicas ready
 */
public record Deployment(String name, String image, int replicas, int ready) {
  /**
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a count is negative or more are ready than wanted
   */
  public Deployment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    if (replicas < 0 || ready < 0 || ready > replicas) {
      throw new IllegalArgumentException(
          "replicas " + replicas + " and ready " + ready + " do not make sense");
    }
  }
}
