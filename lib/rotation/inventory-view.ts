// The Secrets inventory's rows: what each Secret is, who manages it, who reads it, when it was last rotated, the
// attested rotation policy and whether it is overdue, and which rotation flow fits it. Pure.
import { BACKUP_OF_LABEL, KINDS, ROTATED_AT_ANNOTATION, type RotationKind, type RotationState } from "./kinds";
import { describeManager, type Consumer, type Manager } from "./target";

export interface PolicyFact {
  policy: string;
  checkId: string;
  release: string;
  attestedBy: string;
  expiresAt: string;
}

export interface SecretInventoryItem {
  namespace: string;
  name: string;
  type: string;
  keys: string[];
  manager: Manager & { label: string };
  consumers: { kind: string; name: string }[];
  lastRotation: { at: string; source: "rotation" | "annotation" | "created"; by?: string; rotationId?: string } | null;
  policy: (PolicyFact & { intervalDays: number | null }) | null;
  overdue: boolean;
  dueAt: string | null;
  suggestedKind: RotationKind;
  kinds: RotationKind[];
  activeRotation: { id: string; state: RotationState } | null;
  rotate: { allowed: boolean; reason?: string };
}

/** Days between rotations for the checklist's policy choices (null: no schedule). */
export const POLICY_DAYS: Record<string, number | null> = {
  Monthly: 31,
  Quarterly: 92,
  "Semi-annual": 183,
  Annual: 366,
  "On compromise only": null,
  "Never (break existing)": null,
};

const KEY_KINDS: Record<string, RotationKind> = {
  "fernet-key": "airflow-fernet",
  "api-secret-key": "airflow-api-secret",
  "webserver-secret-key": "airflow-webserver-secret",
  "jwt-secret": "airflow-jwt",
  gitSshKey: "git-ssh-key",
};

/** The flows that fit a Secret's keys (generic always; the Airflow ones when their key is there). */
export function kindsFor(keys: string[], isMetadata: boolean): RotationKind[] {
  const out: RotationKind[] = [];
  for (const k of keys) if (KEY_KINDS[k]) out.push(KEY_KINDS[k]);
  if (keys.includes("connection") && isMetadata) out.push("airflow-metadata-password");
  out.push("generic");
  return out;
}

export interface InventoryInput {
  namespace: string;
  name: string;
  type: string;
  keys: string[];
  createdAt: string | undefined;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  manager: Manager;
  /** The ExternalSecret's annotations when ESO manages the Secret (our rotated-at mark lives there). */
  managerAnnotations: Record<string, string>;
  consumers: Consumer[];
  isMetadata: boolean;
  latestRotation: { id: string; at: string; by: string } | null;
  activeRotation: { id: string; state: RotationState } | null;
  policy: PolicyFact | null;
  rotate: { allowed: boolean; reason?: string };
  now: number;
}

function lastRotationOf(input: InventoryInput): SecretInventoryItem["lastRotation"] {
  const marked = input.annotations[ROTATED_AT_ANNOTATION] ?? input.managerAnnotations[ROTATED_AT_ANNOTATION];
  const candidates: NonNullable<SecretInventoryItem["lastRotation"]>[] = [];
  if (input.latestRotation) candidates.push({ at: input.latestRotation.at, source: "rotation", by: input.latestRotation.by, rotationId: input.latestRotation.id });
  if (marked && Number.isFinite(Date.parse(marked))) candidates.push({ at: marked, source: "annotation" });
  if (candidates.length) return candidates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  return input.createdAt ? { at: input.createdAt, source: "created" } : null;
}

export function inventoryItem(input: InventoryInput): SecretInventoryItem {
  const last = lastRotationOf(input);
  const intervalDays = input.policy ? (POLICY_DAYS[input.policy.policy] ?? null) : null;
  const dueMs = last && intervalDays ? Date.parse(last.at) + intervalDays * 86_400_000 : null;
  const kinds = kindsFor(input.keys, input.isMetadata);
  return {
    namespace: input.namespace,
    name: input.name,
    type: input.type,
    keys: [...input.keys].sort(),
    manager: { ...input.manager, label: describeManager(input.manager) },
    consumers: input.consumers.map((c) => ({ kind: c.kind, name: c.name })),
    lastRotation: last,
    policy: input.policy ? { ...input.policy, intervalDays } : null,
    overdue: dueMs !== null && dueMs < input.now,
    dueAt: dueMs !== null ? new Date(dueMs).toISOString() : null,
    suggestedKind: kinds[0],
    kinds,
    activeRotation: input.activeRotation,
    rotate: input.rotate,
  };
}

/** Why a Secret cannot be rotated whatever the user's rights, or undefined. */
export function notRotatable(input: { type: string; manager: Manager; labels: Record<string, string>; keys: string[] }): string | undefined {
  if (input.labels[BACKUP_OF_LABEL] || input.manager.type === "fluxtower") return "a Fluxtower backup or staged value";
  if (input.type === "helm.sh/release.v1") return "Helm release storage";
  if (input.type === "kubernetes.io/service-account-token") return "a service account token (Kubernetes manages it)";
  if (input.manager.type === "kustomization") return `applied from Git by ${describeManager(input.manager)}: rotate it in the source`;
  if (input.keys.length === 0) return "the Secret has no data keys";
  return undefined;
}

export const KIND_LABELS: Record<RotationKind, string> = Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, v.label])) as Record<RotationKind, string>;
