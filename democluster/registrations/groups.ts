// API groups with Flux-Operator-style custom verbs (reconcile, suspend, resume) in the RBAC policy.
import { HELM_GROUP, KUSTOMIZE_GROUP, SOURCE_GROUP } from "./flux";

export const FLUX_GROUPS = [SOURCE_GROUP, KUSTOMIZE_GROUP, HELM_GROUP];
