// Helpers for the rotation integration tests: start a rotation through the app and wait for it, read Secret values
// and the simulated database straight from the demo cluster (never through the app), and the request log.
import { createHash } from "node:crypto";
import { demoControl, eventually, type Session } from "./harness";
import { kube, type KObject } from "./actions-helpers";

export interface StepView {
  index: number;
  name: string;
  phase: "forward" | "rollback";
  state: string;
  message: string;
  at: string;
}

export interface RotationView {
  id: string;
  kind: string;
  state: string;
  phase: string;
  message: string;
  pointOfNoReturn: boolean;
  target: { cluster: string; namespace: string; secret: string; key: string; managedBy: string; writes: string };
  steps: StepView[];
  prompt: { step: string; message: string; publicKey?: string; fingerprint?: string } | null;
  backup: { secret: string; expiresAt: string | null; deletedAt: string | null } | null;
  actions: { confirm: boolean; cancel: boolean; rollback: boolean };
}

export const TERMINAL = ["succeeded", "failed", "rolled-back", "cancelled"];

export async function startRotation(s: Session, body: Record<string, unknown>, base = ""): Promise<{ status: number; rotation?: RotationView; error?: { code: string; message: string } }> {
  const res = await s.fetch(`${base}/api/v1/clusters/demo/rotations`, { method: "POST", body: JSON.stringify(body) });
  const json = (await res.json()) as { rotation?: RotationView; error?: { code: string; message: string } };
  return { status: res.status, ...json };
}

export async function getRotation(s: Session, id: string): Promise<RotationView> {
  const res = await s.fetch(`/api/v1/rotations/${id}`);
  if (res.status !== 200) throw new Error(`GET rotation ${id} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { rotation: RotationView }).rotation;
}

export async function command(s: Session, id: string, what: "confirm" | "cancel" | "rollback"): Promise<{ status: number; rotation?: RotationView; error?: { message: string } }> {
  const res = await s.fetch(`/api/v1/rotations/${id}/${what}`, { method: "POST" });
  return { status: res.status, ...((await res.json()) as { rotation?: RotationView; error?: { message: string } }) };
}

/** Polls until `done(rotation)` holds. */
export function waitRotation(s: Session, id: string, done: (r: RotationView) => boolean, timeoutMs = 90_000): Promise<RotationView> {
  return eventually(async () => {
    const r = await getRotation(s, id);
    return done(r) ? r : undefined;
  }, timeoutMs, 400);
}

export const finished = (s: Session, id: string, timeoutMs?: number) => waitRotation(s, id, (r) => TERMINAL.includes(r.state), timeoutMs);

export function stepNames(r: RotationView, phase: "forward" | "rollback" = "forward"): string[] {
  return r.steps.filter((s) => s.phase === phase).map((s) => s.name);
}

export async function secretData(namespace: string, name: string): Promise<Record<string, string> | undefined> {
  const r = await kube<KObject & { data?: Record<string, string> }>("GET", `/api/v1/namespaces/${namespace}/secrets/${name}`);
  if (r.status === 404) return undefined;
  return Object.fromEntries(Object.entries(r.body.data ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64").toString("utf8")]));
}

export async function secretObject(namespace: string, name: string): Promise<(KObject & { data?: Record<string, string> }) | undefined> {
  const r = await kube<KObject & { data?: Record<string, string> }>("GET", `/api/v1/namespaces/${namespace}/secrets/${name}`);
  return r.status === 404 ? undefined : r.body;
}

/** Same fingerprint as democluster/sim/databases.ts. */
export const fingerprint = (v: string) => createHash("sha256").update(v).digest("hex").slice(0, 16);

export interface DatabaseState {
  host: string;
  users: { name: string; passwordSha256: string }[];
  fernetKeySha256: string | null;
}

export async function databaseState(): Promise<DatabaseState> {
  const res = await demoControl("/__demo/state");
  const state = (await res.json()) as { simulation: { databaseState: DatabaseState[] } };
  const db = state.simulation.databaseState.find((d) => d.host === "airflow-db.prod.internal");
  if (!db) throw new Error("the demo has no airflow-db.prod.internal database");
  return db;
}

/** Every pod of the Airflow release in `airflow` is Running and Ready (and nothing is crash-looping). */
export async function airflowHealthy(): Promise<boolean> {
  const r = await kube<{ items: KObject[] }>("GET", "/api/v1/namespaces/airflow/pods?labelSelector=tier%3Dairflow");
  const pods = r.body.items.filter((p) => !(p.metadata as { deletionTimestamp?: string }).deletionTimestamp && (p.status as { phase?: string } | undefined)?.phase !== "Succeeded");
  return pods.length >= 4 && pods.every((p) => p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"));
}

export const waitAirflowHealthy = (timeoutMs = 60_000) => eventually(async () => (await airflowHealthy()) || undefined, timeoutMs, 500);

/** Rotations of the same Secret must not overlap: wait until the app reports none active on it. */
export async function noActiveRotation(s: Session, namespace: string, secret: string): Promise<void> {
  await eventually(async () => {
    const res = await s.fetch(`/api/v1/rotations?cluster=demo&namespace=${namespace}&secret=${secret}`);
    const { rotations } = (await res.json()) as { rotations: RotationView[] };
    return rotations.every((r) => TERMINAL.includes(r.state)) || undefined;
  }, 60_000, 500);
}
