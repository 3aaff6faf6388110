// The real CRDs the demo serves, vendored under democluster/crds/ (byte-identical to ../shared/crds, see
// test/crd-files-drift.test.ts). A kind's schema is read, parsed and compiled on first use and kept: once per
// CRD version for the life of the process.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { isPlainObject } from "../store/object-utils";
import type { ResourceType } from "../store/types";
import { compileSchema, type SchemaNode } from "./schema-node";

export const CRD_DIR = path.resolve(__dirname, "../crds");

export interface CrdSchema {
  group: string;
  kind: string;
  version: string;
  /** openAPIV3Schema of the version, compiled. */
  root: SchemaNode;
  /** The same root treated as an embedded resource (apiVersion/kind/metadata kept), for pruning. */
  resourceRoot: SchemaNode;
  /** The status property's schema (the status subresource validates against it). */
  status: SchemaNode | undefined;
}

const cache = new Map<string, CrdSchema | null>();

/** The vendored CRD file of group/plural ("<group>_<plural>.yaml" in a subdirectory), if any. */
export function crdFile(group: string, plural: string): string | undefined {
  if (!group || !fs.existsSync(CRD_DIR)) return undefined;
  for (const dir of fs.readdirSync(CRD_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const file = path.join(CRD_DIR, dir.name, `${group}_${plural}.yaml`);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

function load(rt: Pick<ResourceType, "group" | "plural" | "version">): CrdSchema | null {
  const file = crdFile(rt.group, rt.plural);
  if (!file) return null;
  const crd: unknown = parse(fs.readFileSync(file, "utf8"));
  const spec = isPlainObject(crd) && isPlainObject(crd.spec) ? crd.spec : undefined;
  const names = spec && isPlainObject(spec.names) ? spec.names : undefined;
  const versions = spec && Array.isArray(spec.versions) ? spec.versions : [];
  const version = versions.find((v) => isPlainObject(v) && v.name === rt.version);
  const schema = isPlainObject(version) && isPlainObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
  if (!spec || !names || !isPlainObject(schema))
    throw new Error(`${file}: no openAPIV3Schema for version ${rt.version}`);
  const root = compileSchema(schema);
  return {
    group: rt.group,
    kind: String(names.kind),
    version: rt.version,
    root,
    resourceRoot: { ...root, embeddedResource: true },
    status: root.properties?.get("status"),
  };
}

/** The compiled schema of a custom resource type; undefined for kinds that no vendored CRD defines. */
export function crdSchemaFor(rt: Pick<ResourceType, "group" | "plural" | "version">): CrdSchema | undefined {
  const key = `${rt.group}/${rt.plural}/${rt.version}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = load(rt);
    cache.set(key, entry);
  }
  return entry ?? undefined;
}
