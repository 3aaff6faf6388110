// PgBouncer in front of a simulated database. A pgbouncer pod reads pgbouncer.ini and users.txt through subPath
// mounts: they are snapshotted when the pod first starts and never change for that pod (a changed Secret needs a
// restart). Its `pgbouncer` container crash-loops when a users.txt password of a database role no longer logs into
// the database named in [databases]; its `metrics-exporter` when the stats connection does not match the users.txt
// the pod loaded. Clients whose URL points at a PgBouncer Service authenticate against the users.txt of every Ready
// pgbouncer pod behind it, which then logs into the database with the same user and password.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asMaps, asString, getPath, type JsonMap } from "../sim/objects";
import type { ConnectionCheck } from "../sim/databases";

interface Backend {
  host: string;
  port: string;
  dbname: string;
}

export interface PgBouncerSnapshot {
  users: Map<string, string>;
  databases: Map<string, Backend>;
}

const snapshots = new WeakMap<SimContext, Map<string, PgBouncerSnapshot>>();

const LINE = /^\s*"((?:[^"]|"")*)"\s+"((?:[^"]|"")*)"/;

export function parseUsers(text: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m) users.set((m[1] as string).replace(/""/g, '"'), (m[2] as string).replace(/""/g, '"'));
  }
  return users;
}

export function parseDatabases(ini: string): Map<string, Backend> {
  const out = new Map<string, Backend>();
  let section = "";
  for (const raw of ini.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1] as string;
    else if (section === "databases" && line.includes("=") && !line.startsWith(";") && !line.startsWith("#")) {
      const [alias, rest] = [line.slice(0, line.indexOf("=")).trim(), line.slice(line.indexOf("=") + 1)];
      const kv = Object.fromEntries([...rest.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
      out.set(alias, { host: kv.host ?? "localhost", port: kv.port ?? "5432", dbname: kv.dbname ?? alias });
    }
  }
  return out;
}

function secretFile(ctx: SimContext, pod: KObject, mountPath: string): string {
  for (const c of asMaps(getPath(pod, "spec.containers"))) {
    const mount = asMaps(c.volumeMounts).find((m) => m.mountPath === mountPath);
    if (!mount) continue;
    const volume = asMaps(getPath(pod, "spec.volumes")).find((v) => v.name === mount.name);
    const secretName = asString(getPath(volume ?? {}, "secret.secretName"));
    const secret = secretName ? ctx.store.get(R.secrets, pod.metadata.namespace ?? "", secretName) : undefined;
    const b64 = asString((asMap(secret?.data) ?? {})[asString(mount.subPath) ?? ""]);
    return b64 ? Buffer.from(b64, "base64").toString("utf8") : "";
  }
  return "";
}

/** What the pod loaded when it started (taken now when it was never seen, e.g. after a demo restart). */
export function snapshotOf(ctx: SimContext, pod: KObject): PgBouncerSnapshot {
  const byPod = snapshots.get(ctx) ?? new Map<string, PgBouncerSnapshot>();
  snapshots.set(ctx, byPod);
  const uid = pod.metadata.uid ?? `${pod.metadata.namespace ?? ""}/${pod.metadata.name}`;
  let snap = byPod.get(uid);
  if (!snap) {
    snap = {
      users: parseUsers(secretFile(ctx, pod, "/etc/pgbouncer/users.txt")),
      databases: parseDatabases(secretFile(ctx, pod, "/etc/pgbouncer/pgbouncer.ini")),
    };
    byPod.set(uid, snap);
  }
  return snap;
}

export function forgetPgbouncerPod(ctx: SimContext, uid: string): void {
  snapshots.get(ctx)?.delete(uid);
}

const url = (user: string, password: string, b: Backend) =>
  `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${b.host}:${b.port}/${b.dbname}`;

/** Server login of PgBouncer for `user` (password from its users.txt); undefined when it works. */
function serverLogin(ctx: SimContext, snap: PgBouncerSnapshot, user: string, b: Backend): string | undefined {
  const password = snap.users.get(user) ?? "";
  const check = ctx.databases.check(url(user, password, b));
  return check.ok ? undefined : `server login failed: FATAL password authentication failed for user "${user}"`;
}

const ts = () => new Date().toISOString().replace("T", " ").replace("Z", " UTC");

/** The pgbouncer and metrics-exporter containers of a pgbouncer pod. */
export function pgbouncerContainerCheck(
  ctx: SimContext,
  pod: KObject,
  container: JsonMap,
  env: Record<string, string>,
): { ok: true } | { ok: false; lines: string[] } {
  const snap = snapshotOf(ctx, pod);
  if (container.name === "metrics-exporter") {
    let u: URL;
    try {
      u = new URL(env.DATABASE_URL ?? "");
    } catch {
      return {
        ok: false,
        lines: ['level=error msg="Error opening connection to database" err="missing or invalid DATABASE_URL"'],
      };
    }
    const user = decodeURIComponent(u.username);
    if (snap.users.get(user) !== decodeURIComponent(u.password)) {
      return {
        ok: false,
        lines: [
          `level=info msg="Starting pgbouncer_exporter" version="(version=0.18.0)"`,
          `level=error msg="error pinging pgbouncer" err="pq: password authentication failed for user \\"${user}\\""`,
          `level=error msg="Error opening connection to database" err="pq: password authentication failed for user \\"${user}\\""`,
        ],
      };
    }
    return { ok: true };
  }
  if (container.name !== "pgbouncer") return { ok: true };
  for (const [alias, b] of snap.databases) {
    const host = ctx.databases.hostOf(url("x", "x", b));
    if (!host) continue;
    for (const user of snap.users.keys()) {
      if (!ctx.databases.hasUser(host, user)) continue;
      const failure = serverLogin(ctx, snap, user, b);
      if (failure) {
        return {
          ok: false,
          lines: [
            `${ts()} [1] LOG kernel file descriptor limit: 1048576 (hard: 1048576); max_client_conn: 100, max expected fd use: 132`,
            `${ts()} [1] LOG listening on 0.0.0.0:6543`,
            `${ts()} [1] LOG process up: PgBouncer 1.23.1, libevent 2.1.12-stable (epoll), adns: c-ares 1.28.1, tls: OpenSSL 3.1.4`,
            `${ts()} [1] WARNING S-0x5581c2a3e0a0: ${alias}/${user}@${b.host}:${b.port} ${failure}`,
            `${ts()} [1] FATAL cannot log into the database with the credentials in /etc/pgbouncer/users.txt (health check)`,
          ],
        };
      }
    }
  }
  return { ok: true };
}

const ready = (p: KObject) =>
  !p.metadata.deletionTimestamp &&
  asMaps(getPath(p, "status.conditions")).some((c) => c.type === "Ready" && c.status === "True");

/** The pgbouncer Service a URL points at (`name`, `name.ns`, `name.ns.svc…`), if it is one. */
function pgbouncerService(
  ctx: SimContext,
  host: string,
  namespace: string,
): { ns: string; selector: Record<string, string> } | undefined {
  const [name, ns = namespace] = host.split(".");
  if (!name) return undefined;
  const svc = ctx.store.get(R.services, ns, name);
  const selector = asMap(getPath(svc ?? {}, "spec.selector")) as Record<string, string> | undefined;
  return selector?.component === "pgbouncer" ? { ns, selector } : undefined;
}

/** `refused`: nothing listens yet (no Ready PgBouncer pod) — a client that retries may still get through. */
export type Resolved = { ok: true; host?: string; backendUrl?: string } | { ok: false; error: string; refused?: boolean };

/**
 * Connects a client URL: straight to a simulated database, or through PgBouncer (then `host` is the database
 * behind it and `backendUrl` the login PgBouncer uses). Unknown hosts are accepted (not simulated).
 */
export function connect(ctx: SimContext, clientUrl: string, namespace: string): Resolved {
  let u: URL;
  try {
    u = new URL(clientUrl);
  } catch {
    const check: ConnectionCheck = ctx.databases.check(clientUrl);
    return check.ok ? { ok: true } : check;
  }
  const svc = pgbouncerService(ctx, u.hostname, namespace);
  if (!svc) {
    const check = ctx.databases.check(clientUrl);
    return check.ok ? { ok: true, host: ctx.databases.hostOf(clientUrl) } : check;
  }
  const port = u.port || "5432";
  const at = `connection to server at "${u.hostname}", port ${port} failed`;
  const fail = (why: string, refused?: true): Resolved => ({
    ok: false,
    error: `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) ${at}: ${why}`,
    ...(refused ? { refused } : {}),
  });
  const pods = ctx.store
    .list(R.pods, svc.ns)
    .filter((p) => Object.entries(svc.selector).every(([k, v]) => p.metadata.labels?.[k] === v))
    .filter(ready);
  if (pods.length === 0)
    return fail("Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?", true);
  const user = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  const alias = decodeURIComponent(u.pathname.replace(/^\//, ""));
  let result: Resolved = { ok: true };
  for (const pod of pods) {
    const snap = snapshotOf(ctx, pod);
    if (snap.users.get(user) !== password) return fail(`FATAL:  password authentication failed for user "${user}"`);
    const b = snap.databases.get(alias);
    if (!b) return fail(`FATAL:  no such database: ${alias}`);
    if (serverLogin(ctx, snap, user, b)) return fail(`ERROR:  pgbouncer cannot connect to server`);
    const backendUrl = url(user, password, b);
    result = { ok: true, host: ctx.databases.hostOf(backendUrl), backendUrl };
  }
  return result;
}
