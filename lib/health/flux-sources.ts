// Source-specific health rules (GitRepository, HelmRepository, OCIRepository, HelmChart, Bucket). Pure module.
import type { KubeObject } from "../kinds/object";
import { conditionOf, revisionOf, shortRevision } from "./getters";
import type { Verdict } from "./types";
import { verdict, withExtra } from "./verdict";

const SOURCE_KINDS = new Set(["GitRepository", "HelmRepository", "OCIRepository", "HelmChart", "Bucket"]);

/** True for the source-controller kinds that produce artifacts. */
export function isFluxSourceKind(kind: string): boolean {
  return SOURCE_KINDS.has(kind);
}

/**
 * A HelmRepository of `type: oci` is "static": no controller status, and the flux CLI always shows it as
 * Ready True "Helm repository is Ready".
 */
export function ociHelmRepositoryVerdict(): Verdict {
  return verdict("Healthy", "Static", "Helm repository is Ready");
}

/**
 * True when the source has an artifact in storage: `ArtifactInStorage=True`, or (older controllers without that
 * condition) a `status.artifact.revision`.
 */
export function hasArtifact(obj: KubeObject): boolean {
  const cond = conditionOf(obj, "ArtifactInStorage");
  if (cond) return cond.status === "True";
  return revisionOf(obj) !== undefined;
}

/**
 * A source without an artifact is never Healthy (dependants have nothing to fetch). A failing source that still
 * has an older artifact keeps serving it: that is the "stale revision" case, said in `extra`.
 */
export function sourceArtifactRule(obj: KubeObject, v: Verdict): Verdict {
  const rev = revisionOf(obj);
  if (!hasArtifact(obj)) {
    const cond = conditionOf(obj, "ArtifactInStorage");
    if (v.status === "Healthy") {
      const detail = cond?.message ? `: ${cond.message}` : "";
      return verdict("Degraded", "NoArtifact", `no artifact in storage${detail}`, { extra: v.extra });
    }
    if (v.status === "Degraded") return withExtra(v, "no artifact: dependants have nothing to fetch");
    if (v.status === "Progressing") return withExtra(v, "no artifact yet");
    return v;
  }
  if (v.status === "Degraded" && rev) {
    return withExtra(v, `still serving the last fetched revision ${shortRevision(rev)}`);
  }
  return v;
}
