// Issue 18, fix 10: who did it is recorded by the stable subject — the Kubernetes user the request was
// impersonated as (what audit2rbac, the API server's audit log and RBAC see) — with the display name beside it.
// Display names change and collide (two "Alice"s); the subject does not.
import { describe, expect, it } from "vitest";
import { helmReleaseReady } from "@/lib/health/fixtures/flux-helmreleases";
import type { KubeObject } from "@/lib/kinds/object";
import { suspendedDetail } from "./preconditions";
import { prepareStep, type OperationIdentity } from "./send-step";
import { eventMessage } from "./step-request";
import type { StepRecord } from "./types";

const OIDC_SUBJECT = "oidc:f3b1c0de-5a8e-4c1e-9d51-2f1a7b9e0c42";

const op = (user: string): OperationIdentity => ({
  cluster: "demo",
  action: "suspend",
  user,
  groups: ["oidc:platform-admins"],
  reason: "database maintenance",
  targetLabel: "HelmRelease airflow/airflow",
});

const step = (actor: string): StepRecord => ({
  resource: "helmreleases",
  kind: "HelmRelease",
  namespace: "airflow",
  name: "airflow",
  role: "target",
  progress: "suspend",
  state: "requested",
  message: "",
  actor,
  timeoutMs: 300_000,
});

function annotationsOf(patch: unknown): Record<string, string | null> {
  return (patch as { metadata: { annotations: Record<string, string | null> } }).metadata.annotations;
}

describe("attribution of a suspend", () => {
  it.each([
    // an OIDC user: the subject is the prefixed claim, the display name is what the provider calls them
    { name: "Alice Admin", actor: OIDC_SUBJECT },
    // a demo user is impersonated by name: both are the same
    { name: "operator", actor: "operator" },
  ])("suspendedBy is the impersonated user $actor, the display name $name sits beside it", async ({ name, actor }) => {
    const prepared = await prepareStep(op(name), step(actor), helmReleaseReady);
    const a = annotationsOf(prepared.patch);
    expect(a["fluxcd.controlplane.io/suspendedBy"]).toBe(actor);
    expect(a["fluxtower.dev/suspended-by-name"]).toBe(name);
  });

  it("the 409 for reconciling a suspended object names the subject and the display name", async () => {
    const prepared = await prepareStep(op("Alice Admin"), step(OIDC_SUBJECT), helmReleaseReady);
    const a = annotationsOf(prepared.patch);
    const suspended: KubeObject = {
      ...helmReleaseReady,
      metadata: { ...helmReleaseReady.metadata, annotations: Object.fromEntries(Object.entries(a).filter((e): e is [string, string] => e[1] !== null)) },
      spec: { ...helmReleaseReady.spec, suspend: true },
    };
    expect(suspendedDetail(suspended)).toMatch(new RegExp(`^suspended by ${OIDC_SUBJECT} \\(Alice Admin\\) at \\S+: "database maintenance"$`));
  });

  it("an object suspended by someone else (flux CLI, Flux Operator) shows just their suspendedBy", () => {
    const byFluxOperator: KubeObject = {
      ...helmReleaseReady,
      metadata: { ...helmReleaseReady.metadata, annotations: { "fluxcd.controlplane.io/suspendedBy": "system:serviceaccount:flux-system:flux-operator" } },
      spec: { ...helmReleaseReady.spec, suspend: true },
    };
    expect(suspendedDetail(byFluxOperator)).toBe("suspended by system:serviceaccount:flux-system:flux-operator");
  });
});

describe("attribution in the Kubernetes Event", () => {
  it.each([
    {
      subject: OIDC_SUBJECT,
      user: "Alice Admin",
      want: `${OIDC_SUBJECT} (Alice Admin; groups oidc:platform-admins) requested suspend through Fluxtower (token 2025-06-12T10:20:30Z): database maintenance`,
    },
    {
      subject: "operator",
      user: "operator",
      want: "operator (groups oidc:platform-admins) requested suspend through Fluxtower (token 2025-06-12T10:20:30Z): database maintenance",
    },
  ])("names $subject first, then $user", ({ subject, user, want }) => {
    const message = eventMessage({
      subject,
      user,
      groups: ["oidc:platform-admins"],
      action: "suspend",
      step: step(subject),
      target: "HelmRelease airflow/airflow",
      token: "2025-06-12T10:20:30Z",
      reason: "database maintenance",
    });
    expect(message).toBe(want);
  });
});
