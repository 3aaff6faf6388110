// Pod logs read as the signed-in user (impersonation), with every value of the Secrets the pod references masked
// before a line leaves the server — an application that prints its environment cannot leak a Secret through us.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { KubeObject } from "@/lib/kinds/object";
import { referencedSecrets, secretMasker, urlPasswords } from "./secret-masking";
import { kubeJson, kubeLines, kubeText, type LineStream } from "./transport";

export interface LogRequest {
  cluster: string;
  namespace: string;
  pod: string;
  container?: string;
  tailLines?: number;
  user: Principal;
}

async function maskerFor(cluster: string, namespace: string, pod: KubeObject): Promise<(line: string) => string> {
  const values: string[] = [];
  for (const name of referencedSecrets(pod)) {
    try {
      const s = await kubeJson<{ data?: Record<string, string> }>(cluster, { path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}` });
      for (const b64 of Object.values(s.data ?? {})) {
        const v = Buffer.from(b64, "base64").toString("utf8");
        values.push(v, ...v.split(/[\s,]+/), ...urlPasswords(v));
      }
    } catch {
      // A missing Secret has no values to mask.
    }
  }
  return secretMasker(values);
}

function as(user: Principal) {
  return { user: user.kubeUser, groups: user.groups };
}

/** The last lines of a container's log. */
export async function readLog(r: LogRequest): Promise<string[]> {
  const podPath = `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/pods/${encodeURIComponent(r.pod)}`;
  const pod = await kubeJson<KubeObject>(r.cluster, { path: podPath, impersonate: as(r.user) });
  const mask = await maskerFor(r.cluster, r.namespace, pod);
  const raw = await kubeText(r.cluster, {
    path: `${podPath}/log`,
    query: { container: r.container, tailLines: r.tailLines ?? 500 },
    impersonate: as(r.user),
  });
  return raw.split("\n").filter(Boolean).map(mask);
}

/** Follows a container's log; each line is masked before onLine sees it. */
export async function followLog(r: LogRequest, onLine: (line: string) => void): Promise<LineStream> {
  const podPath = `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/pods/${encodeURIComponent(r.pod)}`;
  const pod = await kubeJson<KubeObject>(r.cluster, { path: podPath, impersonate: as(r.user) });
  const mask = await maskerFor(r.cluster, r.namespace, pod);
  return kubeLines(
    r.cluster,
    { path: `${podPath}/log`, query: { container: r.container, tailLines: r.tailLines ?? 200, follow: true }, impersonate: as(r.user) },
    (line) => onLine(mask(line)),
  );
}
