// Flux CD kinds, written by hand from the CRDs in ../shared/crds/flux (source-controller v1.9.1,
// kustomize-controller v1.9.4, helm-controller v1.6.3). test/registrations-crd-drift.test.ts keeps them honest.
import type { ResourceType } from "../store/types";
import { STANDARD_VERBS } from "./verbs";

const AGE = { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" };
const READY = { name: "Ready", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].status' };
const STATUS = { name: "Status", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].message' };

const SOURCE_CATEGORIES = ["all", "fluxcd", "fluxcd-sources"];
const APPLIER_CATEGORIES = ["all", "fluxcd", "fluxcd-appliers"];

export const SOURCE_GROUP = "source.toolkit.fluxcd.io";
export const KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
export const HELM_GROUP = "helm.toolkit.fluxcd.io";

export const FLUX_TYPES: ResourceType[] = [
  {
    group: SOURCE_GROUP,
    version: "v1",
    kind: "GitRepository",
    listKind: "GitRepositoryList",
    plural: "gitrepositories",
    singular: "gitrepository",
    namespaced: true,
    shortNames: ["gitrepo"],
    categories: SOURCE_CATEGORIES,
    subresources: { status: true },
    printerColumns: [{ name: "URL", type: "string", jsonPath: ".spec.url" }, AGE, READY, STATUS],
    verbs: STANDARD_VERBS,
  },
  {
    group: SOURCE_GROUP,
    version: "v1",
    kind: "HelmRepository",
    listKind: "HelmRepositoryList",
    plural: "helmrepositories",
    singular: "helmrepository",
    namespaced: true,
    shortNames: ["helmrepo"],
    categories: SOURCE_CATEGORIES,
    subresources: { status: true },
    printerColumns: [{ name: "URL", type: "string", jsonPath: ".spec.url" }, AGE, READY, STATUS],
    verbs: STANDARD_VERBS,
  },
  {
    group: SOURCE_GROUP,
    version: "v1",
    kind: "OCIRepository",
    listKind: "OCIRepositoryList",
    plural: "ocirepositories",
    singular: "ocirepository",
    namespaced: true,
    shortNames: ["ocirepo"],
    categories: SOURCE_CATEGORIES,
    subresources: { status: true },
    printerColumns: [{ name: "URL", type: "string", jsonPath: ".spec.url" }, READY, STATUS, AGE],
    verbs: STANDARD_VERBS,
  },
  {
    group: SOURCE_GROUP,
    version: "v1",
    kind: "HelmChart",
    listKind: "HelmChartList",
    plural: "helmcharts",
    singular: "helmchart",
    namespaced: true,
    shortNames: ["hc"],
    categories: SOURCE_CATEGORIES,
    subresources: { status: true },
    printerColumns: [
      { name: "Chart", type: "string", jsonPath: ".spec.chart" },
      { name: "Version", type: "string", jsonPath: ".spec.version" },
      { name: "Source Kind", type: "string", jsonPath: ".spec.sourceRef.kind" },
      { name: "Source Name", type: "string", jsonPath: ".spec.sourceRef.name" },
      AGE,
      READY,
      STATUS,
    ],
    verbs: STANDARD_VERBS,
  },
  {
    group: KUSTOMIZE_GROUP,
    version: "v1",
    kind: "Kustomization",
    listKind: "KustomizationList",
    plural: "kustomizations",
    singular: "kustomization",
    namespaced: true,
    shortNames: ["ks"],
    categories: APPLIER_CATEGORIES,
    subresources: { status: true },
    printerColumns: [AGE, READY, STATUS],
    verbs: STANDARD_VERBS,
  },
  {
    group: HELM_GROUP,
    version: "v2",
    kind: "HelmRelease",
    listKind: "HelmReleaseList",
    plural: "helmreleases",
    singular: "helmrelease",
    namespaced: true,
    shortNames: ["hr"],
    categories: APPLIER_CATEGORIES,
    subresources: { status: true },
    printerColumns: [AGE, READY, STATUS],
    verbs: STANDARD_VERBS,
  },
];
