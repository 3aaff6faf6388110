// Built-in Kubernetes kinds served by the demo cluster (core, apps, batch, policy). Printer columns for these are
// computed in code (democluster/server/table-core.ts), like the real API server's built-in printers.
import type { ResourceType } from "../store/types";
import { STANDARD_VERBS } from "./verbs";

function builtin(
  group: string,
  kind: string,
  plural: string,
  opts: { namespaced?: boolean; shortNames?: string[]; categories?: string[]; status?: boolean } = {},
): ResourceType {
  const rt: ResourceType = {
    group,
    version: "v1",
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced: opts.namespaced ?? true,
    subresources: { status: opts.status ?? false },
    verbs: STANDARD_VERBS,
  };
  if (opts.shortNames) rt.shortNames = opts.shortNames;
  if (opts.categories) rt.categories = opts.categories;
  return rt;
}

export const CORE_TYPES: ResourceType[] = [
  builtin("", "Namespace", "namespaces", { namespaced: false, shortNames: ["ns"], status: true }),
  builtin("", "Pod", "pods", { shortNames: ["po"], categories: ["all"], status: true }),
  builtin("", "Secret", "secrets"),
  builtin("", "ConfigMap", "configmaps", { shortNames: ["cm"] }),
  builtin("", "Service", "services", { shortNames: ["svc"], categories: ["all"], status: true }),
  builtin("", "ServiceAccount", "serviceaccounts", { shortNames: ["sa"] }),
  builtin("", "Event", "events", { shortNames: ["ev"] }),
  builtin("apps", "Deployment", "deployments", { shortNames: ["deploy"], categories: ["all"], status: true }),
  builtin("apps", "StatefulSet", "statefulsets", { shortNames: ["sts"], categories: ["all"], status: true }),
  builtin("batch", "Job", "jobs", { categories: ["all"], status: true }),
  builtin("policy", "PodDisruptionBudget", "poddisruptionbudgets", { shortNames: ["pdb"], status: true }),
];

/** Subresources other than status that discovery advertises (served by dedicated handlers). */
export interface ExtraSubresource {
  group: string;
  plural: string;
  name: string;
  verbs: string[];
  /** The kind the subresource speaks when it is not the parent's (discovery's group/version/kind). */
  speaks?: { group: string; version: string; kind: string };
}

const SCALE = { group: "autoscaling", version: "v1", kind: "Scale" };

export const EXTRA_SUBRESOURCES: ExtraSubresource[] = [
  { group: "", plural: "pods", name: "log", verbs: ["get"] },
  { group: "apps", plural: "deployments", name: "scale", verbs: ["get", "patch", "update"], speaks: SCALE },
  { group: "apps", plural: "statefulsets", name: "scale", verbs: ["get", "patch", "update"], speaks: SCALE },
];
