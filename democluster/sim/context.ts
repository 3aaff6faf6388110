// Everything a simulated controller needs, passed explicitly (no globals).
import type { KObject, Store } from "../store/types";
import type { Scheduler } from "./scheduler";
import type { EventRecorder } from "./events";
import type { Vault } from "../vault/vault";
import type { Rng } from "./random";
import type { Databases } from "./databases";
import type { GitRemotes } from "./git-remotes";
import type { PodLogs } from "./pod-logs";

export interface SimErrorRecord {
  at: string;
  where: string;
  message: string;
}

export interface SimContext {
  readonly store: Store;
  readonly scheduler: Scheduler;
  readonly events: EventRecorder;
  readonly vault: Vault;
  readonly databases: Databases;
  readonly rng: Rng;
  readonly git: GitRemotes;
  readonly logs: PodLogs;
  /** Manifests each Kustomization "contains" (from the scenario), keyed "namespace/name". */
  readonly contents: Map<string, KObject[]>;
  /** A realistic delay in ms (unscaled) between min and max. */
  delay(minMs: number, maxMs: number): number;
  reportError(where: string, err: unknown): void;
  readonly errors: SimErrorRecord[];
}

/** Scenario annotation marking simulated faults, comma-separated (e.g. "fetch-failed", "stuck-finalizer"). */
export const FAULT_ANNOTATION = "democluster.fluxtower.dev/fault";

export function hasFault(obj: KObject, fault: string): boolean {
  const value = obj.metadata.annotations?.[FAULT_ANNOTATION];
  if (!value) return false;
  return value
    .split(",")
    .map((s) => s.trim())
    .includes(fault);
}
