// The CRD files the demo validates custom resources against (democluster/crds/, read at run time) must be the real
// ones: byte-identical to ../shared/crds (see ../shared/crds/PROVENANCE.txt), one for every custom kind served,
// with the served version's schema, and every CEL rule in them must compile with our evaluator.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CRD_BACKED_TYPES } from "../registrations";
import { CRD_DIR, crdFile, crdSchemaFor } from "../crd-schema/crd-source";
import { compiledRules } from "../crd-schema/cel-rules";
import type { SchemaNode } from "../crd-schema/schema-node";

const SHARED = path.resolve(__dirname, "../../../shared/crds");

function vendored(): string[] {
  return fs
    .readdirSync(CRD_DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .sort();
}

function allNodes(node: SchemaNode, out: SchemaNode[] = []): SchemaNode[] {
  out.push(node);
  for (const p of node.properties?.values() ?? []) allNodes(p, out);
  for (const s of [node.items, node.additionalProperties, node.not, ...(node.anyOf ?? []), ...(node.allOf ?? [])])
    if (s) allNodes(s, out);
  return out;
}

describe("democluster/crds vs ../shared/crds", () => {
  it("vendors one CRD file per custom kind served", () => {
    const expected = CRD_BACKED_TYPES.map((rt) => path.relative(CRD_DIR, crdFile(rt.group, rt.plural) ?? "missing"));
    expect(vendored()).toEqual([...expected].sort());
    expect(vendored()).toHaveLength(CRD_BACKED_TYPES.length);
  });

  it.each(vendored())("%s is byte-identical to the shared copy", (rel) => {
    const shared = path.join(SHARED, rel);
    if (!fs.existsSync(shared)) throw new Error(`${shared} is missing: the drift test needs ../shared/crds`);
    expect(fs.readFileSync(path.join(CRD_DIR, rel)).equals(fs.readFileSync(shared))).toBe(true);
  });

  it.each(CRD_BACKED_TYPES.map((rt) => [`${rt.plural}.${rt.group}`, rt] as const))(
    "%s: the served version has a schema and every CEL rule compiles",
    (_name, rt) => {
      const crd = crdSchemaFor(rt);
      expect(crd?.kind).toBe(rt.kind);
      expect(crd?.root.properties?.has("spec")).toBe(true);
      const rules = allNodes(crd?.root as SchemaNode).flatMap((n) => compiledRules(n));
      expect(rules.filter((r) => r.compileError)).toEqual([]);
    },
  );
});
