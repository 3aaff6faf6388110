import { describe, expect, it } from "vitest";
import { RESOURCES } from "@/lib/kinds/registry";
import { ACTION_NAMES, ACTIONS, actionApplies, actionsFor, isActionName, notApplicableMessage } from "./catalog";

describe("action catalog (allow-list kind × action)", () => {
  it.each([
    ["kustomizations", ["reconcile", "suspend", "resume"]],
    ["helmreleases", ["reconcile", "force", "reset", "suspend", "resume"]],
    ["gitrepositories", ["reconcile", "suspend", "resume"]],
    ["helmrepositories", ["reconcile", "suspend", "resume"]],
    ["ocirepositories", ["reconcile", "suspend", "resume"]],
    ["helmcharts", ["reconcile", "suspend", "resume"]],
    ["externalsecrets", ["force-sync"]],
    ["clusterexternalsecrets", ["force-sync"]],
    ["deployments", ["restart"]],
    ["statefulsets", ["restart"]],
    ["secrets", []],
    ["pods", []],
    ["jobs", []],
    ["secretstores", []],
    ["configmaps", []],
  ])("%s → %j", (resource, actions) => {
    expect(actionsFor(resource)).toEqual(actions);
  });

  it("every resource the catalog names is in the kinds registry", () => {
    const known = new Set(RESOURCES.map((r) => r.resource));
    for (const a of ACTION_NAMES) for (const r of ACTIONS[a].resources) expect(known.has(r), `${a} → ${r}`).toBe(true);
  });

  it("custom verbs follow Flux Operator: reconcile for reconcile/force/reset, suspend, resume; none for ESO and workloads", () => {
    expect(ACTIONS.reconcile.customVerb).toBe("reconcile");
    expect(ACTIONS.force.customVerb).toBe("reconcile");
    expect(ACTIONS.reset.customVerb).toBe("reconcile");
    expect(ACTIONS.suspend.customVerb).toBe("suspend");
    expect(ACTIONS.resume.customVerb).toBe("resume");
    expect(ACTIONS["force-sync"].customVerb).toBeNull();
    expect(ACTIONS.restart.customVerb).toBeNull();
  });

  it("only requestedAt writers are token actions", () => {
    expect(ACTION_NAMES.filter((a) => ACTIONS[a].writesRequestToken)).toEqual(["reconcile", "force", "reset", "resume"]);
  });

  it("rejects unknown names and explains inapplicable actions", () => {
    expect(isActionName("delete")).toBe(false);
    expect(isActionName("force-sync")).toBe(true);
    expect(actionApplies("restart", "helmreleases")).toBe(false);
    expect(notApplicableMessage("restart", "helmreleases")).toBe(
      'Action "restart" is not available for helmreleases (available for helmreleases: reconcile, force, reset, suspend, resume)',
    );
    expect(notApplicableMessage("reconcile", "secrets")).toContain("no actions are available for secrets");
  });
});
