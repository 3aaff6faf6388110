// CustomResourceDefinition objects generated from our registrations, served under apiextensions.k8s.io/v1 so
// clients that discover CRDs (e.g. `kubectl get crds`) see the same kinds as discovery.
import type { KObject, ResourceType } from "../store/types";

export function crdObjectFor(rt: ResourceType): KObject {
  const names: Record<string, unknown> = {
    kind: rt.kind,
    listKind: rt.listKind,
    plural: rt.plural,
    singular: rt.singular,
  };
  if (rt.shortNames) names.shortNames = rt.shortNames;
  if (rt.categories) names.categories = rt.categories;
  const version: Record<string, unknown> = {
    name: rt.version,
    served: true,
    storage: true,
    schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
    subresources: rt.subresources.status ? { status: {} } : {},
  };
  if (rt.printerColumns) version.additionalPrinterColumns = rt.printerColumns;
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${rt.plural}.${rt.group}` },
    spec: { group: rt.group, names, scope: rt.namespaced ? "Namespaced" : "Cluster", versions: [version] },
    status: {
      acceptedNames: names,
      storedVersions: [rt.version],
      conditions: [
        { type: "NamesAccepted", status: "True", reason: "NoConflicts", message: "no conflicts found" },
        {
          type: "Established",
          status: "True",
          reason: "InitialNamesAccepted",
          message: "the initial names have been accepted",
        },
      ],
    },
  };
}
