// Pod logs read as the signed-in user (impersonation), with every value of the Secrets the pod references masked
// before a line leaves the server — verbatim and URL-encoded, JSON-escaped or base64 — so an application that
// prints its environment cannot leak a Secret through us. The Secrets are read as the app (to mask, never to
// show); one that cannot be read refuses the log (LogMaskingError → 503 with the reason), and while a log is
// followed a Secret that changes (a rotation) is read again before the next line goes out.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import type { KubeObject } from "@/lib/kinds/object";
import { clusterCache } from "./cache/registry";
import { secretReferences } from "./secret-masking";
import { LiveSecretMasker, LogMaskingError, type MaskerIO, type SecretRead } from "./secret-masking-live";
import { KubeHttpError, kubeJson, kubeLines, kubeText, type LineStream } from "./transport";

export interface LogRequest {
  cluster: string;
  namespace: string;
  pod: string;
  container?: string;
  tailLines?: number;
  user: Principal;
}

const secretPath = (ns: string, name: string) => `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${encodeURIComponent(name)}`;

function maskerIO(cluster: string, namespace: string): MaskerIO {
  return {
    async read(name): Promise<SecretRead> {
      try {
        const s = await kubeJson<KubeObject & { data?: Record<string, string> }>(cluster, { path: secretPath(namespace, name) });
        const values = Object.values(s.data ?? {}).map((b64) => Buffer.from(b64, "base64").toString("utf8"));
        return { found: true, resourceVersion: s.metadata.resourceVersion ?? "", values };
      } catch (err) {
        if (err instanceof KubeHttpError && err.status === 404) return { found: false };
        throw err;
      }
    },
    currentVersion(name) {
      const cache = clusterCache(cluster);
      const secrets = cache?.caches.get("secrets");
      if (!cache || !secrets?.state.synced) return undefined;
      return cache.get("secrets", namespace, name)?.metadata.resourceVersion ?? null;
    },
  };
}

function as(user: Principal) {
  return { user: user.kubeUser, groups: user.groups };
}

const podPathOf = (r: LogRequest) => `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/pods/${encodeURIComponent(r.pod)}`;

/** The pod (read as the user) and the masker of its Secrets; refuses (503, with the reason) when one cannot be read. */
async function open(r: LogRequest): Promise<LiveSecretMasker> {
  const pod = await kubeJson<KubeObject>(r.cluster, { path: podPathOf(r), impersonate: as(r.user) });
  try {
    return await LiveSecretMasker.open(r.pod, secretReferences(pod), maskerIO(r.cluster, r.namespace));
  } catch (err) {
    if (err instanceof LogMaskingError) throw new AppError("unavailable", err.message);
    throw err;
  }
}

/** The last lines of a container's log. */
export async function readLog(r: LogRequest): Promise<string[]> {
  const masker = await open(r);
  const raw = await kubeText(r.cluster, { path: `${podPathOf(r)}/log`, query: { container: r.container, tailLines: r.tailLines ?? 500 }, impersonate: as(r.user) });
  const lines: string[] = [];
  for (const line of raw.split("\n").filter(Boolean)) lines.push(await masker.maskCurrent(line));
  return lines;
}

export interface LogFollower {
  /** Starts streaming; each line is masked with the Secrets as they are when it goes out. */
  start(onLine: (line: string) => void, onError: (message: string) => void): Promise<LineStream>;
}

/** Opens a followed log: the masker is ready (or the request refused) before anything streams. */
export async function openFollow(r: LogRequest): Promise<LogFollower> {
  const masker = await open(r);
  return {
    async start(onLine, onError) {
      let queue = Promise.resolve();
      let failed = false;
      // Lines can arrive before kubeLines resolves; a failure then closes the stream once it is known.
      const opened: { stream?: LineStream } = {};
      const next = (line: string) => {
        queue = queue.then(async () => {
          if (failed) return;
          try {
            onLine(await masker.maskCurrent(line));
          } catch (err) {
            failed = true;
            opened.stream?.close();
            onError(err instanceof Error ? err.message : String(err));
          }
        });
      };
      const stream = await kubeLines(r.cluster, { path: `${podPathOf(r)}/log`, query: { container: r.container, tailLines: r.tailLines ?? 200, follow: true }, impersonate: as(r.user) }, next);
      opened.stream = stream;
      if (failed) stream.close();
      return { done: stream.done.then(() => queue), close: () => stream.close() };
    },
  };
}
