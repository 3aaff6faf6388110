// Valid custom resources of every kind (../crd-schema/testdata/valid-objects.yaml) and their API paths, for the
// CRD validation tests.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { CRD_BACKED_TYPES } from "../registrations";
import type { AnyJson } from "./helpers";

export const VALID = parse(
  fs.readFileSync(path.join(__dirname, "../crd-schema/testdata/valid-objects.yaml"), "utf8"),
) as AnyJson[];

/** A fresh copy of the valid object of `kind`. */
export function valid(kind: string): AnyJson {
  const found = VALID.find((o) => o.kind === kind);
  if (!found) throw new Error(`no valid ${kind} in testdata/valid-objects.yaml`);
  return structuredClone(found);
}

/** The collection URL of the object's kind (in its namespace). */
export function collection(o: AnyJson): string {
  const rt = CRD_BACKED_TYPES.find((t) => t.kind === o.kind);
  if (!rt) throw new Error(`${String(o.kind)} is not a custom kind the demo serves`);
  const ns = rt.namespaced ? `/namespaces/${String(o.metadata.namespace)}` : "";
  return `/apis/${rt.group}/${rt.version}${ns}/${rt.plural}`;
}
