// Health verdict types. Pure module.
import type { KubeObject } from "../kinds/object";

/** The five health states shown everywhere in the UI. */
export type HealthStatus = "Healthy" | "Progressing" | "Degraded" | "Suspended" | "Unknown";

/** The health of one object, in words. */
export interface Verdict {
  status: HealthStatus;
  /** Short machine-ish reason, usually the deciding condition's reason (e.g. "RetriesExceeded"). */
  reason: string;
  /** Human message, usually the deciding condition's message. */
  message: string;
  /** The controller has not yet observed the latest generation (spec change not picked up). */
  stale: boolean;
  /** Flux `Stalled=True`: the controller gave up and will not retry on its own. */
  stalled: boolean;
  /** Offer the HelmRelease "Reset" action (Stalled with reason RetriesExceeded). */
  offerReset?: boolean;
  /** Secondary signals in words, e.g. "4 install failures". */
  extra?: string[];
}

/** Inputs that are not part of the object itself. Everything is optional. */
export interface HealthContext {
  /** "Now" for time-based rules (stuck finalizers, Unschedulable > 15 s). Default: Date.now(). */
  now?: Date | number;
  /** For a Secret: the ExternalSecret that owns/syncs it, if any (lib/graph supplies one). */
  ownerOf?: (secret: KubeObject) => KubeObject | undefined;
  /** A deletion pending for longer than this is "stuck on finalizer" (Degraded). Default 5 minutes. */
  stuckAfterMs?: number;
  /** A Pending pod Unschedulable for longer than this is Degraded (kstatus uses 15 s). Default 15 s. */
  unschedulableAfterMs?: number;
}

export const DEFAULT_STUCK_AFTER_MS = 5 * 60_000;
export const DEFAULT_UNSCHEDULABLE_AFTER_MS = 15_000;
