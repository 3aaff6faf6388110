// How the simulated programs react to their configuration once started. Airflow components connect to the
// metadata database (wrong password -> crash), need a valid Fernet key list, and must be able to decrypt the data
// the database holds (a list without the key it is encrypted with -> crash). One-shot Job programs (the Fernet
// re-encryption and `psql … ALTER ROLE`) are recognised by their command line (app-jobs.ts) and change the
// database when they succeed. Connections through a PgBouncer Service authenticate against what its pods loaded
// (app-pgbouncer.ts), whose own containers check users.txt and the stats connection. Crash output goes to the pod
// logs.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import type { JsonMap } from "../sim/objects";
import { asArray, asString } from "../sim/objects";
import { alterRole, expandEnv, isAlterRole, isFernetRotation, rotateFernetKey } from "./app-jobs";
import { dbTraceback, invalidFernetTraceback, undecryptableTraceback } from "./app-tracebacks";
import { fernetKeys, validFernet } from "./fernet";
import { connect, pgbouncerContainerCheck } from "./app-pgbouncer";

/**
 * ok: the program runs (and, for one-shot programs, prints `lines` and calls onSuccess when it exits 0).
 * retry: nothing listens yet (PgBouncer starting); the kubelet checks again for up to a minute before the program
 * fails. Real Airflow pods get there through retries (`wait-for-airflow-migrations` waits 60 s) and a restart or two
 * within Helm's 5-minute wait; the demo compresses that wait, so a start-up race must not count as a crash loop.
 */
export type AppOutcome = { ok: true; lines?: string[]; onSuccess?: () => void } | { ok: false; lines: string[]; retry?: boolean };

const DB_USERS = new Set([
  "scheduler",
  "api-server",
  "webserver",
  "triggerer",
  "dag-processor",
  "worker",
  "run-airflow-migrations",
  "wait-for-airflow-migrations",
]);
/** Components that read encrypted Connections, Variables or Triggers. */
const FERNET_USERS = new Set([
  "scheduler",
  "api-server",
  "webserver",
  "triggerer",
  "dag-processor",
  "worker",
  "run-airflow-migrations",
]);

/** The container's command and args as one shell line, with $VARS expanded from its environment. */
export function commandLine(container: JsonMap, env: Record<string, string>): string {
  const words = [...asArray(container.command), ...asArray(container.args)].filter(
    (w): w is string => typeof w === "string",
  );
  return expandEnv(words.join(" "), env);
}

export function appCheck(ctx: SimContext, container: JsonMap, env: Record<string, string>, pod?: KObject): AppOutcome {
  const ns = pod?.metadata.namespace ?? "";
  const line = commandLine(container, env);
  if (isFernetRotation(line)) return rotateFernetKey(ctx, env, ns);
  if (isAlterRole(line)) return alterRole(ctx, line, ns);
  const name = asString(container.name) ?? "";
  const image = asString(container.image) ?? "";
  if (image.includes("pgbouncer")) return pod ? pgbouncerContainerCheck(ctx, pod, container, env) : { ok: true };
  if (!image.includes("apache/airflow")) return { ok: true };
  const conn = env.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN;
  const db = conn !== undefined ? connect(ctx, conn, ns) : undefined;
  if (DB_USERS.has(name) && db && !db.ok) return { ok: false, lines: dbTraceback(db.error), ...(db.refused ? { retry: true } : {}) };
  const fernet = env.AIRFLOW__CORE__FERNET_KEY;
  if (FERNET_USERS.has(name) && fernet !== undefined) {
    if (!validFernet(fernet)) return { ok: false, lines: invalidFernetTraceback() };
    const host = db?.ok ? db.host : undefined;
    const encryptedWith = host ? ctx.databases.fernetKey(host) : undefined;
    if (encryptedWith !== undefined && !fernetKeys(fernet).includes(encryptedWith)) {
      return { ok: false, lines: undecryptableTraceback("password for login=airflow") };
    }
  }
  return { ok: true };
}
