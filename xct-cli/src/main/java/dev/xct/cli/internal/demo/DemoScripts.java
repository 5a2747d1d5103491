package dev.xct.cli.internal.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Holds what the demo's embedded model says, reply by reply: exactly the raw text an LLM would
 * return, mistakes included. Replaying the same script always gives the same transcript.
 */
final class DemoScripts {
  private DemoScripts() {}

  /** The seed's "create a file safely": prose, a path escape, the corrected write, done. */
  static final List<String> FILES =
      List.of(
          "Sure! I'll create config.json for you right away.",
          """
          {"next_step":{"tool":"fs.write","arguments":{"path":"../../etc/config.json",\
          "content":"{\\"debug\\": false}"},"goal":"create the config"}}""",
          """
          {"next_step":{"tool":"fs.write","arguments":{"path":"config.json",\
          "content":"{\\"debug\\": false}"},"goal":"create the config inside the workspace"}}""",
          """
          {"done":true,"message":"config.json created in the workspace"}""");

  /** The cluster operator: a vetoed scale-up, a failing create, an unknown tool, approvals. */
  static final List<String> CLUSTER =
      List.of(
          """
          {"next_step":{"tool":"k8s.cluster.status","arguments":{},"goal":"check the cluster is up"}}""",
          """
          {"next_step":{"tool":"k8s.deployments.create","arguments":{"name":"nginx",\
          "image":"nginx:1.27","replicas":50},"goal":"deploy nginx with plenty of headroom"}}""",
          """
          {"next_step":{"tool":"k8s.deployments.create","arguments":{"name":"nginx",\
          "image":"nginx:1.27","replicas":2},"goal":"deploy nginx within the replica cap"}}""",
          """
          {"next_step":{"tool":"k8s.deployments.create","arguments":{"name":"mongodb",\
          "image":"mongo:7"},"goal":"deploy mongodb"}}""",
          """
          {"next_step":{"tool":"k8s.deployments.create","arguments":{"name":"redis",\
          "image":"redis:7"},"goal":"deploy redis"}}""",
          """
          {"next_step":{"tool":"k8s.pods.logs","arguments":{"name":"redis"},\
          "goal":"find out why redis could not be created"}}""",
          """
          {"next_step":{"tool":"k8s.deployments.list","arguments":{},\
          "goal":"see what is deployed"}}""",
          """
          {"next_step":{"tool":"k8s.deployments.delete","arguments":{"name":"nginx"},\
          "goal":"remove nginx as asked"}}""",
          """
          {"next_step":{"tool":"k8s.deployments.delete","arguments":{"name":"mongodb"},\
          "goal":"tidy up mongodb too"}}""",
          """
          {"done":true,"message":"mongodb and redis are running; nginx was deployed and removed.\
           mongodb stays: the operator declined its deletion."}""");

  /** The replies of {@link #CLUSTER} up to the nginx delete, which pauses the run. */
  static final int CLUSTER_PAUSED_AFTER = 8;

  /** A model stuck in a loop: it polls the cluster status for ever. */
  static final List<String> RUNAWAY = runaway();

  private static List<String> runaway() {
    List<String> replies = new ArrayList<>();
    replies.addAll(
        Collections.nCopies(
            20,
            """
            {"next_step":{"tool":"k8s.cluster.status","arguments":{},\
            "goal":"check again whether anything changed"}}"""));
    return List.copyOf(replies);
  }
}
