// Secret and ConfigMap references inside a pod spec. Pure module.
import { at, bool, isRec, recs, str, type Rec } from "../health/read";

export interface PodSpecRef {
  kind: "Secret" | "ConfigMap";
  name: string;
  /** `optional: true` on the reference (or an imagePullSecret): absence does not block the pod. */
  optional: boolean;
}

/**
 * Every Secret/ConfigMap a pod spec reads: env `secretKeyRef`/`configMapKeyRef`, `envFrom` secretRef/configMapRef
 * (containers, initContainers, ephemeralContainers), volumes `secret`/`configMap`, projected sources, and
 * imagePullSecrets (treated as optional). Duplicates are merged (a reference is optional only if every use is).
 */
export function podSpecRefs(spec: unknown): PodSpecRef[] {
  const found: PodSpecRef[] = [];
  const add = (kind: PodSpecRef["kind"], name: string | undefined, optional: boolean) => {
    if (!name) return;
    for (const f of found) {
      if (f.kind === kind && f.name === name) {
        f.optional = f.optional && optional;
        return;
      }
    }
    found.push({ kind, name, optional });
  };
  if (!isRec(spec)) return found;
  for (const field of CONTAINER_FIELDS) {
    for (const c of recs(spec[field])) {
      for (const env of recs(c.env)) {
        const from = env.valueFrom;
        if (!isRec(from)) continue;
        if (isRec(from.secretKeyRef)) add("Secret", str(from.secretKeyRef.name), from.secretKeyRef.optional === true);
        if (isRec(from.configMapKeyRef))
          add("ConfigMap", str(from.configMapKeyRef.name), from.configMapKeyRef.optional === true);
      }
      for (const from of recs(c.envFrom)) {
        if (isRec(from.secretRef)) add("Secret", str(from.secretRef.name), from.secretRef.optional === true);
        if (isRec(from.configMapRef))
          add("ConfigMap", str(from.configMapRef.name), from.configMapRef.optional === true);
      }
    }
  }
  for (const vol of recs(spec.volumes)) {
    if (isRec(vol.secret)) add("Secret", str(vol.secret.secretName), vol.secret.optional === true);
    if (isRec(vol.configMap)) add("ConfigMap", str(vol.configMap.name), vol.configMap.optional === true);
    for (const src of recs(at(vol, "projected", "sources"))) addProjected(src, add);
  }
  for (const ps of recs(spec.imagePullSecrets)) add("Secret", str(ps.name), true);
  return found;
}

const CONTAINER_FIELDS = ["containers", "initContainers", "ephemeralContainers"] as const;

function addProjected(
  src: Rec,
  add: (kind: PodSpecRef["kind"], name: string | undefined, optional: boolean) => void,
): void {
  if (src.secret) add("Secret", str(at(src, "secret", "name")), bool(at(src, "secret", "optional")) === true);
  if (src.configMap)
    add("ConfigMap", str(at(src, "configMap", "name")), bool(at(src, "configMap", "optional")) === true);
}

/** The pod spec inside a workload (template), or a Pod's own spec. Undefined for other kinds. */
export function podSpecOf(kind: string, spec: Rec | undefined): unknown {
  switch (kind) {
    case "Pod":
      return spec;
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
      return at(spec, "template", "spec");
    case "CronJob":
      return at(spec, "jobTemplate", "spec", "template", "spec");
    default:
      return undefined;
  }
}
