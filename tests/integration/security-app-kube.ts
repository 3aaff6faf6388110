// The app's own Kubernetes credentials, taken from the stack's kubeconfig (`<stack>/fluxtower.kubeconfig`, what the
// app was started with: KUBECONFIG in scripts/start-stack.sh), and raw HTTPS requests with them straight to the
// demo API server — past every check the app makes itself. Header values given as arrays go out as separate header
// lines, as client-go and the app's transport send repeated Impersonate-Group headers (fetch would join them).
import { request } from "node:https";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { DEMO_DIR } from "./harness";

interface Kubeconfig {
  clusters: Array<{ name: string; cluster: { server: string; "certificate-authority-data": string } }>;
  users: Array<{ name: string; user: { token?: string } }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  "current-context": string;
}

export interface AppCredentials {
  server: string;
  ca: string;
  token: string;
  /** The kubeconfig user name (the demo authenticates the token as this user). */
  user: string;
}

export function appCredentials(): AppCredentials {
  const config = parse(readFileSync(path.join(DEMO_DIR, "fluxtower.kubeconfig"), "utf8")) as Kubeconfig;
  const context = config.contexts.find((c) => c.name === config["current-context"])?.context;
  const cluster = config.clusters.find((c) => c.name === context?.cluster)?.cluster;
  const user = config.users.find((u) => u.name === context?.user);
  if (!context || !cluster || !user?.user.token) throw new Error("fluxtower.kubeconfig has no usable current context");
  return {
    server: cluster.server,
    ca: Buffer.from(cluster["certificate-authority-data"], "base64").toString("utf8"),
    token: user.user.token,
    user: user.name,
  };
}

export interface Impersonate {
  user: string;
  groups?: string[];
  uid?: string;
}

export interface KubeAnswer {
  status: number;
  body: { message?: string; metadata?: { resourceVersion?: string; annotations?: Record<string, string> }; [k: string]: unknown };
}

/** One request as the app's identity, optionally impersonating (one Impersonate-Group line per group). */
export function asApp(
  method: string,
  apiPath: string,
  opts: { impersonate?: Impersonate; body?: unknown; contentType?: string } = {},
): Promise<KubeAnswer> {
  const creds = appCredentials();
  const headers: Record<string, string | string[]> = { authorization: `Bearer ${creds.token}`, accept: "application/json" };
  if (opts.impersonate) {
    headers["impersonate-user"] = opts.impersonate.user;
    if (opts.impersonate.groups?.length) headers["impersonate-group"] = opts.impersonate.groups;
    if (opts.impersonate.uid !== undefined) headers["impersonate-uid"] = opts.impersonate.uid;
  }
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  if (payload !== undefined) headers["content-type"] = opts.contentType ?? "application/merge-patch+json";
  return new Promise((resolve, reject) => {
    const req = request(new URL(apiPath, creds.server), { method, headers, ca: creds.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as KubeAnswer["body"]) : {} });
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}
