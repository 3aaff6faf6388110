// Helm's own release records are read for every demo release: the HelmRelease detail lists Helm's revisions
// (Secrets sh.helm.release.v1.<release>.v<N>, written by the demo's helm-controller the way Helm writes them), and an
// upgrade adds a revision while the previous one becomes "superseded" (helm/helm pkg/action/upgrade.go).
import { describe, expect, it } from "vitest";
import { kubectl, patchReleaseValues } from "../support/demo-kubectl";
import { eventually, signIn, type Session } from "./harness";

interface Revision {
  revision: number;
  status: string;
  chartVersion: string;
  description: string;
}
interface Detail {
  object: { status?: { history?: { version?: number; chartVersion?: string }[] } };
  helmRelease?: { helm: { source: string; releaseName: string; error: string | null; revisions: Revision[]; pending: string[] } };
}
interface Summary {
  namespace: string;
  name: string;
  health: { status: string };
}

async function detail(s: Session, ns: string, name: string): Promise<Detail> {
  const res = await s.fetch(`/api/v1/clusters/demo/resources/helmreleases/${ns}/${name}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Detail;
}

describe("Helm release records", () => {
  it("every installed demo release shows its Helm revisions, matching helm-controller's history", async () => {
    const s = await signIn("admin");
    const list = (await (await s.fetch("/api/v1/clusters/demo/resources?resource=helmreleases")).json()) as { items: Summary[] };
    const installed: { ns: string; name: string; history: { version?: number; chartVersion?: string } }[] = [];
    for (const hr of list.items) {
      const d = await detail(s, hr.namespace, hr.name);
      const h = d.object.status?.history?.[0];
      if (h?.version) installed.push({ ns: hr.namespace, name: hr.name, history: h });
    }
    expect(installed.length).toBeGreaterThan(1);
    for (const { ns, name, history } of installed) {
      const d = await detail(s, ns, name);
      const helm = d.helmRelease?.helm;
      expect(helm?.error, `${ns}/${name}`).toBeNull();
      expect(helm?.source, `${ns}/${name}`).toBe("helm-record");
      const rev = helm?.revisions.find((r) => r.revision === history.version);
      expect(rev, `${ns}/${name} revision ${history.version}`).toBeDefined();
      expect(rev?.chartVersion).toBe(history.chartVersion);
    }
  });

  it("an upgrade adds a deployed revision and supersedes the previous one", async () => {
    const s = await signIn("admin");
    const before = (await detail(s, "airflow", "airflow")).helmRelease!.helm.revisions;
    const top = Math.max(...before.map((r) => r.revision));
    patchReleaseValues({ labels: { "fluxtower.dev/test": `rev-${top + 1}` } });
    try {
      const after = await eventually(async () => {
        const revs = (await detail(s, "airflow", "airflow")).helmRelease!.helm.revisions;
        const next = revs.find((r) => r.revision === top + 1);
        return next?.status === "deployed" ? revs : undefined;
      }, 110_000, 500);
      expect(after.find((r) => r.revision === top)?.status).toBe("superseded");
      expect(after.filter((r) => r.status === "deployed")).toHaveLength(1);
      // The record Secrets are what Helm itself would list.
      const names = kubectl("-n", "airflow", "get", "secrets", "-l", "owner=helm,name=airflow", "-o", "name");
      expect(names).toContain(`secret/sh.helm.release.v1.airflow.v${top + 1}`);
    } finally {
      patchReleaseValues({ labels: null });
    }
  }, 120_000);
});
