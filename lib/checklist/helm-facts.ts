// What Helm itself says is deployed for a release (its release record `sh.helm.release.v1.<release>.v<N>`), as the
// checklist needs it. The server fills `ChecklistSnapshot.helm` from lib/helm; this module only defines the shape
// and pure lookups over it. Secret values never reach it: the deployed `config` arrives with them masked.

import { MASK_MARKER } from "../helm/mask-strings";

/** The marker lib/helm puts where a secret value was (a whole value, or inside a string such as a URL's userinfo). */
export const HELM_VALUE_MASK = MASK_MARKER;

/** One object the release owns: from the rendered manifest, or from a hook (then `hook` lists the hook events). */
export interface HelmObject {
  kind: string;
  name: string;
  namespace: string;
  hook?: string[];
}

/** The deployed release as read from Helm's record. */
export interface HelmDeployedFacts {
  /** `helm-record`: read; `none`: no record exists; `unreadable`: it exists but could not be read (see `reason`). */
  source: "helm-record" | "none" | "unreadable";
  /** Why there is no record (said in evidence). */
  reason?: string;
  revision?: number;
  /** Helm's `info.status` of the newest record (deployed, failed, pending-upgrade …). */
  status?: string;
  chartVersion?: string;
  appVersion?: string;
  /** The deployed user-supplied values (Helm `config`), secret values masked with {@link HELM_VALUE_MASK}. */
  config?: Record<string, unknown>;
  /** Manifest objects plus hooks. */
  objects?: HelmObject[];
  /** The HelmRelease asks for something Helm has not applied (failed or pending upgrade): Helm's/Flux's words. */
  pending?: { message: string };
  chartFlavour?: "official" | "community" | "unknown";
}

/** True when the snapshot carries a readable record with a config (the checklist then judges what runs). */
export function hasRecord(helm: HelmDeployedFacts | undefined): helm is HelmDeployedFacts & {
  source: "helm-record";
  config: Record<string, unknown>;
} {
  return helm?.source === "helm-record" && !!helm.config && typeof helm.config === "object";
}

/** True for a value the record masked, wholly or in part (`postgresql://<set, hidden>@host/db`). */
export function isMaskedValue(v: unknown): v is string {
  return typeof v === "string" && v.includes(HELM_VALUE_MASK);
}

/** Could the masked deployed value `masked` be `value`? (The marker stands for any text.) */
export function maskedMatches(masked: string, value: unknown): boolean {
  if (masked === HELM_VALUE_MASK) return value !== undefined && value !== null;
  if (typeof value !== "string") return false;
  const pattern = masked
    .split(HELM_VALUE_MASK)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s\\S]*");
  return new RegExp(`^${pattern}$`).test(value);
}

/** The record's objects of one kind (empty without a record or without objects). */
export function helmObjects(helm: HelmDeployedFacts | undefined, kind: string): HelmObject[] {
  return (helm?.objects ?? []).filter((o) => o.kind === kind);
}

/** True when the record lists objects at all (an empty list is not evidence of absence). */
export function recordListsObjects(helm: HelmDeployedFacts | undefined): boolean {
  return hasRecord(helm) && (helm.objects?.length ?? 0) > 0;
}

/** "Helm release record rev 7 (deployed, chart 1.18.0)" for evidence. */
export function describeRecord(helm: HelmDeployedFacts): string {
  const parts = [helm.status, helm.chartVersion ? `chart ${helm.chartVersion}` : undefined].filter(Boolean);
  return `Helm release record${helm.revision !== undefined ? ` rev ${helm.revision}` : ""}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

/** Why no record is used, in words. */
export function noRecordReason(helm: HelmDeployedFacts | undefined): string {
  if (!helm) return "not read";
  if (helm.source === "none") return helm.reason ?? "no record found";
  if (helm.source === "unreadable") return helm.reason ?? "the record could not be read";
  return helm.reason ?? "the record has no config";
}
