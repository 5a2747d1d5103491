package dev.xct.examples;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.Approver;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Condition;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.PolicyRule;
import dev.xct.core.validate.Validators;
import dev.xct.examples.k8s.Deployment;
import dev.xct.examples.k8s.InMemoryCluster;
import dev.xct.examples.k8s.K8sTools;
import dev.xct.test.ScriptedModelClient;
import java.util.Set;

/**
 * Writes a policy in code and puts a person (here: a rule standing in for one) in front of every
 * deletion. Reads first, creates within limits, deletions only for services on the change ticket,
 * and everything else denied by default. The same policy can live in a YAML file; see {@code
 * docs/cli.md}.
 */
public final class PolicyWithApproverExample {
  private PolicyWithApproverExample() {}

  /** Returns the policy: first match decides, no match denies. */
  static Policy policy() {
    return Policy.builder()
        .allow("k8s.cluster.status")
        .allow("k8s.deployments.list")
        .rule(
            PolicyRule.deny("k8s.deployments.create", Condition.at("/replicas").greaterThan(5))
                .withId("replica-cap")
                .withReason("more than 5 replicas needs a capacity review"))
        .allow("k8s.deployments.create")
        .rule(
            PolicyRule.ask("k8s.deployments.delete")
                .withId("deletes-need-approval")
                .withReason("deleting takes the service's pods down"))
        .build();
  }

  /**
   * Returns an approver that approves deleting only what the change ticket names. A real one would
   * page a person, post to a chat channel or open a ticket, and wait. Its approval is bound to the
   * exact action it saw: the loop refuses to run anything else under it.
   */
  static Approver changeTicket(Set<String> approvedForDeletion) {
    return request -> {
      String name =
          request.proposal().arguments().get("name").flatMap(JsonValue::asString).orElse("");
      return approvedForDeletion.contains(name)
          ? ApprovalDecision.approve(request, "change-ticket CHG-1042")
          : ApprovalDecision.deny("CHG-1042 does not cover deleting '" + name + "'");
    };
  }

  /** Runs a scripted model against the policy; the second deletion is declined. */
  public static RunResult run(InMemoryCluster cluster) {
    ScriptedModelClient model =
        ScriptedModelClient.of(
            """
            {"next_step":{"tool":"k8s.deployments.delete","arguments":{"name":"nginx"}}}""",
            """
            {"next_step":{"tool":"k8s.deployments.delete","arguments":{"name":"redis"}}}""",
            """
            {"done":true,"message":"nginx removed; redis kept, the ticket does not cover it"}""");
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.builder().addAll(K8sTools.over(cluster)).build())
            .validator(Validators.policy(policy(), changeTicket(Set.of("nginx"))))
            .budgets(Budgets.builder().maxSteps(10).toolQuota("k8s.deployments.delete", 2).build())
            .listener(new TranscriptPrinter(System.out))
            .build();
    return loop.run("Remove nginx and redis");
  }

  /** Runs the example. */
  public static void main(String[] args) {
    InMemoryCluster cluster =
        InMemoryCluster.with(
            new Deployment("nginx", "nginx:1.27", 2, 2), new Deployment("redis", "redis:7", 1, 1));
    RunResult run = run(cluster);
    System.out.println("still running: " + cluster.deployments());
    System.exit(run.isDone() ? 0 : 1);
  }
}
