// Our hand-written registrations must match the real CRDs in ../shared/crds exactly (group, storage version,
// kind, listKind, plural, singular, scope, shortNames, categories, status subresource, printer columns).
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CRD_BACKED_TYPES } from "../registrations";
import type { ResourceType } from "../store/types";

const CRD_DIR = path.resolve(__dirname, "../../../shared/crds");

interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  subresources?: { status?: unknown };
  additionalPrinterColumns?: {
    name: string;
    type: string;
    jsonPath: string;
    description?: string;
    priority?: number;
  }[];
}

interface Crd {
  kind: string;
  spec: {
    group: string;
    scope: "Namespaced" | "Cluster";
    names: {
      kind: string;
      listKind: string;
      plural: string;
      singular: string;
      shortNames?: string[];
      categories?: string[];
    };
    versions: CrdVersion[];
  };
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

function loadCrds(): Map<string, Crd> {
  if (!fs.existsSync(CRD_DIR))
    throw new Error(`CRD directory ${CRD_DIR} is missing: the drift test needs ../shared/crds (real Flux + ESO CRDs)`);
  const crds = new Map<string, Crd>();
  for (const file of yamlFiles(CRD_DIR)) {
    const doc = parse(fs.readFileSync(file, "utf8")) as Crd;
    if (doc?.kind === "CustomResourceDefinition") crds.set(`${doc.spec.group}/${doc.spec.names.plural}`, doc);
  }
  return crds;
}

function expected(crd: Crd): Omit<ResourceType, "verbs"> {
  const storage = crd.spec.versions.filter((v) => v.storage);
  if (storage.length !== 1) throw new Error(`${crd.spec.names.plural}: expected exactly one storage version`);
  const v = storage[0] as CrdVersion;
  const rt: Omit<ResourceType, "verbs"> = {
    group: crd.spec.group,
    version: v.name,
    kind: crd.spec.names.kind,
    listKind: crd.spec.names.listKind,
    plural: crd.spec.names.plural,
    singular: crd.spec.names.singular,
    namespaced: crd.spec.scope === "Namespaced",
    subresources: { status: v.subresources?.status !== undefined },
  };
  if (crd.spec.names.shortNames) rt.shortNames = crd.spec.names.shortNames;
  if (crd.spec.names.categories) rt.categories = crd.spec.names.categories;
  if (v.additionalPrinterColumns) rt.printerColumns = v.additionalPrinterColumns;
  if (!v.served) throw new Error(`${crd.spec.names.plural}: storage version ${v.name} is not served`);
  return rt;
}

describe("registrations vs ../shared/crds", () => {
  const crds = loadCrds();

  it("covers every kind the issue lists", () => {
    expect(CRD_BACKED_TYPES.map((t) => t.kind).sort()).toEqual([
      "ClusterExternalSecret",
      "ClusterSecretStore",
      "ExternalSecret",
      "GitRepository",
      "HelmChart",
      "HelmRelease",
      "HelmRepository",
      "Kustomization",
      "OCIRepository",
      "PushSecret",
      "SecretStore",
    ]);
  });

  it.each(CRD_BACKED_TYPES.map((t) => [`${t.plural}.${t.group}`, t] as const))("%s matches its CRD", (_name, rt) => {
    const crd = crds.get(`${rt.group}/${rt.plural}`);
    if (!crd) throw new Error(`no CRD for ${rt.plural}.${rt.group} in ${CRD_DIR}`);
    const { verbs: _verbs, ...ours } = rt;
    expect(ours).toEqual(expected(crd));
  });
});
