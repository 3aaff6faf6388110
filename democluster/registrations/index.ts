// Every resource type the demo cluster serves.
import type { ResourceType } from "../store/types";
import { CORE_TYPES, EXTRA_SUBRESOURCES } from "./core";
import { FLUX_TYPES } from "./flux";
import { ESO_TYPES } from "./external-secrets";
import { ACCESS_REVIEW_TYPES, CRD_TYPE } from "./meta";

export { CORE_TYPES, EXTRA_SUBRESOURCES, FLUX_TYPES, ESO_TYPES, ACCESS_REVIEW_TYPES, CRD_TYPE };
export { crdObjectFor } from "./crd-objects";
export { FLUX_GROUPS } from "./groups";

/** Kinds defined by CRDs (compared with ../shared/crds by the drift test). */
export const CRD_BACKED_TYPES: ResourceType[] = [...FLUX_TYPES, ...ESO_TYPES];

/** Kinds kept in the object store. */
export const STORED_TYPES: ResourceType[] = [...CORE_TYPES, ...CRD_BACKED_TYPES, CRD_TYPE];

/** Everything discovery advertises (stored kinds plus the create-only access reviews). */
export const ALL_TYPES: ResourceType[] = [...STORED_TYPES, ...ACCESS_REVIEW_TYPES];
