// Types of the rotation journal, its plan and its steps. Pure module.
import type { JsonObject } from "@/lib/db/json-text";
import type { Actor } from "./actors";
import type { RotationKind, RotationPhase, RotationState, StepState } from "./kinds";
import type { RemoteField } from "./eso-remote";
import type { Consumer, Manager } from "./target";

/** Request options as stored (the uploaded value itself is never stored; only that there was one). */
export interface RotationOptions {
  length?: number;
  charset?: "alphanumeric" | "hex" | "url-safe";
  uploaded?: boolean;
  backupGraceHours: number;
  timeoutMinutes: number;
}

/** How the new value reaches the Secret. */
export type WritePath =
  | { type: "direct" }
  | {
      type: "upstream";
      externalSecret: string;
      store: { kind: "SecretStore" | "ClusterSecretStore"; name: string };
      providerType: string;
      remote: RemoteField;
      /**
       * The adapter chosen from the store's status.capabilities (lib/rotation/upstream): "push-secret" has ESO push
       * the value through a PushSecret, "manual" asks the user. Journals from before may hold "demo-vault"
       * (read through upstream.adapterOf, which maps it to "push-secret").
       */
      adapter: "push-secret" | "manual";
    };

/** How one PgBouncer Secret gets the new password: patched by Fluxtower, or templated by its ExternalSecret from the
 * same vault item as the metadata connection (then only a force-sync is needed). */
export interface PgBouncerSecretPlan {
  name: string;
  /** "users.txt" of the config Secret, "connection" of the stats Secret. */
  key: string;
  write: { type: "direct" } | { type: "external-secret"; externalSecret: string };
}

/** airflow-metadata-password with PgBouncer enabled: the Deployment and the Secrets that carry the password too. */
export interface PgBouncerPlan {
  workload: string;
  config: PgBouncerSecretPlan;
  /** null when the PgBouncer pods read no stats Secret. */
  stats: PgBouncerSecretPlan | null;
}

/** Facts fixed when the rotation starts (journal: Rotation.plan). */
export interface RotationPlan {
  manager: Manager;
  write: WritePath;
  consumers: Consumer[];
  warnings: string[];
  /** Airflow flows: the scheduler workload whose pod template builds the Jobs. */
  jobTemplate?: { resource: "deployments" | "statefulsets"; name: string; container: string };
  /** git-ssh-key: the repository git-sync clones (for the deploy-key instructions). */
  gitRepo?: string;
  /** airflow-metadata-password: the database role. */
  dbUser?: string;
  /** airflow-metadata-password of a release with PgBouncer enabled. */
  pgbouncer?: PgBouncerPlan;
}

export interface RotationRecord {
  id: string;
  cluster: string;
  namespace: string;
  secret: string;
  kind: RotationKind;
  key: string;
  options: RotationOptions;
  plan: RotationPlan;
  state: RotationState;
  phase: RotationPhase;
  stepIndex: number;
  pointOfNoReturn: boolean;
  backupSecret: string | null;
  stagedSecret: string | null;
  backupExpiresAt: Date | null;
  backupDeletedAt: Date | null;
  cancelRequestedAt: Date | null;
  /** Display name of who asked to cancel. */
  cancelRequestedBy: string | null;
  /** Their identity: the rollback a cancel starts runs as them (undefined for rows from before it was stored). */
  cancelActor?: Actor;
  createdBy: string;
  createdBySubject: string;
  groups: string[];
  kubeUser: string;
  requestId: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  message: string | null;
  /** Until when a driver holds the rotation (null: nobody drives it now). */
  leaseUntil: Date | null;
}

export interface StepRecord {
  index: number;
  name: string;
  phase: RotationPhase;
  state: StepState;
  message: string;
  at: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  detail: JsonObject;
}

/** What running a step once decided. */
export type StepResult =
  | { kind: "done"; message: string; detail?: JsonObject }
  | { kind: "wait"; message: string; detail?: JsonObject; retryMs?: number }
  | { kind: "confirm"; message: string; detail?: JsonObject }
  | { kind: "fail"; message: string; detail?: JsonObject };
