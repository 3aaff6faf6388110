// API machinery kinds: access reviews (create-only, never stored) and CustomResourceDefinitions (read-only,
// generated from our own CRD-backed registrations).
import type { ResourceType } from "../store/types";
import { CREATE_ONLY_VERBS, READ_ONLY_VERBS } from "./verbs";

export const AUTHORIZATION_GROUP = "authorization.k8s.io";
export const APIEXTENSIONS_GROUP = "apiextensions.k8s.io";

export const ACCESS_REVIEW_TYPES: ResourceType[] = [
  {
    group: AUTHORIZATION_GROUP,
    version: "v1",
    kind: "SelfSubjectAccessReview",
    listKind: "SelfSubjectAccessReviewList",
    plural: "selfsubjectaccessreviews",
    singular: "selfsubjectaccessreview",
    namespaced: false,
    subresources: { status: false },
    verbs: CREATE_ONLY_VERBS,
  },
  {
    group: AUTHORIZATION_GROUP,
    version: "v1",
    kind: "SubjectAccessReview",
    listKind: "SubjectAccessReviewList",
    plural: "subjectaccessreviews",
    singular: "subjectaccessreview",
    namespaced: false,
    subresources: { status: false },
    verbs: CREATE_ONLY_VERBS,
  },
];

export const CRD_TYPE: ResourceType = {
  group: APIEXTENSIONS_GROUP,
  version: "v1",
  kind: "CustomResourceDefinition",
  listKind: "CustomResourceDefinitionList",
  plural: "customresourcedefinitions",
  singular: "customresourcedefinition",
  namespaced: false,
  shortNames: ["crd", "crds"],
  categories: ["api-extensions"],
  subresources: { status: true },
  verbs: READ_ONLY_VERBS,
};
