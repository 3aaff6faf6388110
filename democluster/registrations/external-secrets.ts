// External Secrets Operator kinds, written by hand from ../shared/crds/external-secrets (ESO v2.9.0; storage
// version v1, PushSecret v1alpha1). test/registrations-crd-drift.test.ts keeps them honest.
import type { ResourceType } from "../store/types";
import { STANDARD_VERBS } from "./verbs";

export const ESO_GROUP = "external-secrets.io";
const CATEGORIES = ["external-secrets"];
const READY = { name: "Ready", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].status' };
const READY_REASON = { name: "Status", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].reason' };
const STORE_COLUMNS = [
  { name: "AGE", type: "date", jsonPath: ".metadata.creationTimestamp" },
  READY_REASON,
  { name: "Capabilities", type: "string", jsonPath: ".status.capabilities" },
  READY,
];

export const ESO_TYPES: ResourceType[] = [
  {
    group: ESO_GROUP,
    version: "v1",
    kind: "ExternalSecret",
    listKind: "ExternalSecretList",
    plural: "externalsecrets",
    singular: "externalsecret",
    namespaced: true,
    shortNames: ["es"],
    categories: CATEGORIES,
    subresources: { status: true },
    printerColumns: [
      { name: "StoreType", type: "string", jsonPath: ".spec.secretStoreRef.kind" },
      { name: "Store", type: "string", jsonPath: ".spec.secretStoreRef.name" },
      { name: "Refresh Interval", type: "string", jsonPath: ".spec.refreshInterval" },
      READY_REASON,
      READY,
      { name: "Last Sync", type: "date", jsonPath: ".status.refreshTime" },
    ],
    verbs: STANDARD_VERBS,
  },
  {
    group: ESO_GROUP,
    version: "v1",
    kind: "ClusterExternalSecret",
    listKind: "ClusterExternalSecretList",
    plural: "clusterexternalsecrets",
    singular: "clusterexternalsecret",
    namespaced: false,
    shortNames: ["ces"],
    categories: CATEGORIES,
    subresources: { status: true },
    printerColumns: [
      { name: "Store", type: "string", jsonPath: ".spec.externalSecretSpec.secretStoreRef.name" },
      { name: "Refresh Interval", type: "string", jsonPath: ".spec.refreshTime" },
      READY,
    ],
    verbs: STANDARD_VERBS,
  },
  {
    group: ESO_GROUP,
    version: "v1",
    kind: "SecretStore",
    listKind: "SecretStoreList",
    plural: "secretstores",
    singular: "secretstore",
    namespaced: true,
    shortNames: ["ss"],
    categories: CATEGORIES,
    subresources: { status: true },
    printerColumns: STORE_COLUMNS,
    verbs: STANDARD_VERBS,
  },
  {
    group: ESO_GROUP,
    version: "v1",
    kind: "ClusterSecretStore",
    listKind: "ClusterSecretStoreList",
    plural: "clustersecretstores",
    singular: "clustersecretstore",
    namespaced: false,
    shortNames: ["css"],
    categories: CATEGORIES,
    subresources: { status: true },
    printerColumns: STORE_COLUMNS,
    verbs: STANDARD_VERBS,
  },
  {
    group: ESO_GROUP,
    version: "v1alpha1",
    kind: "PushSecret",
    listKind: "PushSecretList",
    plural: "pushsecrets",
    singular: "pushsecret",
    namespaced: true,
    shortNames: ["ps"],
    categories: CATEGORIES,
    subresources: { status: true },
    printerColumns: [
      { name: "AGE", type: "date", jsonPath: ".metadata.creationTimestamp" },
      READY_REASON,
      { name: "Last Sync", type: "date", jsonPath: ".status.refreshTime" },
    ],
    verbs: STANDARD_VERBS,
  },
];
