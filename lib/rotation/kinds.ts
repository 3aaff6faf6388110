// The rotation kinds, their states and the words the UI shows. Pure data: the API, the service and
// components/rotation share it.

export const ROTATION_KINDS = [
  "generic",
  "airflow-fernet",
  "airflow-api-secret",
  "airflow-webserver-secret",
  "airflow-jwt",
  "airflow-metadata-password",
  "git-ssh-key",
] as const;
export type RotationKind = (typeof ROTATION_KINDS)[number];

export function isRotationKind(value: string): value is RotationKind {
  return (ROTATION_KINDS as readonly string[]).includes(value);
}

export const ROTATION_STATES = ["running", "waiting", "rolling-back", "succeeded", "failed", "rolled-back", "cancelled"] as const;
export type RotationState = (typeof ROTATION_STATES)[number];
export const TERMINAL_ROTATION_STATES: readonly RotationState[] = ["succeeded", "failed", "rolled-back", "cancelled"];

export function isTerminalRotation(state: string): boolean {
  return (TERMINAL_ROTATION_STATES as readonly string[]).includes(state);
}

export const STEP_STATES = ["pending", "running", "waiting", "succeeded", "failed", "skipped"] as const;
export type StepState = (typeof STEP_STATES)[number];

export type RotationPhase = "forward" | "rollback";

export interface KindInfo {
  label: string;
  description: string;
  /** The data key the kind rotates (undefined: chosen by the user; the only key when there is one). */
  key?: string;
  /** The user may upload the new value instead of generating it. */
  uploadable: boolean;
  /** Shown before starting and kept on the rotation. */
  warnings: string[];
}

export const KINDS: Record<RotationKind, KindInfo> = {
  generic: {
    label: "Generic value",
    description: "New random (or uploaded) value → backup Secret → write → restart consumers → wait for health.",
    uploadable: true,
    warnings: [],
  },
  "airflow-fernet": {
    label: "Airflow Fernet key",
    description: "Value `new,old` → restart Airflow → `airflow rotate-fernet-key` Job → value `new` → restart → verify.",
    key: "fernet-key",
    uploadable: true,
    warnings: ["The old key stays in the list until the re-encryption Job has succeeded; once the Job has started the rotation can no longer be rolled back."],
  },
  "airflow-api-secret": {
    label: "Airflow API secret key",
    description: "New value; the api-server and the scheduler (and every other consumer) are restarted together.",
    key: "api-secret-key",
    uploadable: true,
    warnings: ["Users will be signed out: the key signs their session cookies.", "Tasks holding tokens signed with the old key may fail."],
  },
  "airflow-webserver-secret": {
    label: "Airflow webserver secret key",
    description: "New value; the webserver and the scheduler (and every other consumer) are restarted together.",
    key: "webserver-secret-key",
    uploadable: true,
    warnings: ["Users will be signed out: the key signs their session cookies.", "Log fetching from workers fails until every component runs with the new key."],
  },
  "airflow-jwt": {
    label: "Airflow JWT secret",
    description: "New value; the api-server and the scheduler (and every other consumer) are restarted together.",
    key: "jwt-secret",
    uploadable: true,
    warnings: ["Users will be signed out and running tasks may lose their API tokens until every component runs with the new secret."],
  },
  "airflow-metadata-password": {
    label: "Airflow metadata DB password",
    description: "`ALTER ROLE … PASSWORD` in the database first (a Job with the current credentials), then the connection URL, then restart and verify.",
    key: "connection",
    uploadable: true,
    warnings: ["Expect a short window of authentication failures between ALTER ROLE and the restart.", "Once ALTER ROLE has succeeded the rotation can no longer be rolled back."],
  },
  "git-ssh-key": {
    label: "git-sync SSH deploy key",
    description: "New ed25519 key pair; you add the public key as a deploy key and confirm; then the Secret is swapped and git-sync restarted.",
    key: "gitSshKey",
    uploadable: false,
    warnings: ["Revoke the old deploy key once the rotation has succeeded."],
  },
};

/** Character sets for generated values (lib/rotation/values.ts holds the characters). */
export const CHARSET_NAMES = ["alphanumeric", "hex", "url-safe"] as const;
export type CharsetName = (typeof CHARSET_NAMES)[number];
export const MIN_LENGTH = 16;
export const MAX_LENGTH = 256;

export const STATE_LABEL: Record<RotationState, string> = {
  running: "Running",
  waiting: "Waiting for you",
  "rolling-back": "Rolling back",
  succeeded: "Succeeded",
  failed: "Failed",
  "rolled-back": "Rolled back",
  cancelled: "Cancelled",
};

/** Annotation on a rotated Secret (or its ExternalSecret): when Fluxtower last rotated it (RFC 3339). */
export const ROTATED_AT_ANNOTATION = "fluxtower.dev/rotated-at";
export const ROTATION_ID_LABEL = "fluxtower.dev/rotation-id";
export const BACKUP_OF_LABEL = "fluxtower.dev/backup-of";
export const STAGED_FOR_LABEL = "fluxtower.dev/staged-for";
export const BACKUP_EXPIRES_ANNOTATION = "fluxtower.dev/backup-expires-at";
