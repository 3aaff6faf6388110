// Loads democluster/scenarios/<name>.yaml and applies it to a store: namespaces, vault items, databases, objects
// (Kustomization `contains` lists are registered as that Kustomization's manifests, recursively), or runs a
// generator. Scenario-only keys are stripped before anything reaches the store.
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { resolveKind, R } from "../sim/resources";
import { isMap, objKey } from "../sim/objects";
import { ScenarioSchema, type ScenarioSpec } from "./scenario-schema";
import { generateLarge } from "./large";

const DIR = __dirname;
const SCENARIO_ONLY = ["contains", "fieldManager", "markDeleted"];

export function scenarioNames(): string[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadScenario(name: string): ScenarioSpec {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`invalid scenario name "${name}"`);
  const file = path.join(DIR, `${name}.yaml`);
  if (!fs.existsSync(file)) throw new Error(`unknown scenario "${name}" (available: ${scenarioNames().join(", ")})`);
  const parsed = ScenarioSchema.safeParse(parseYaml(fs.readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(
      `scenario ${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

/** Strips scenario-only keys, registering Kustomization contents along the way. */
export function extractManifest(
  ctx: SimContext,
  raw: Record<string, unknown>,
): { obj: KObject; fieldManager?: string; markDeleted: boolean } {
  const obj = structuredClone(raw) as unknown as KObject;
  const record = obj as unknown as Record<string, unknown>;
  if (!obj.apiVersion || !obj.kind || !isMap(obj.metadata) || typeof obj.metadata.name !== "string") {
    throw new Error(`scenario object without apiVersion/kind/metadata.name: ${JSON.stringify(raw).slice(0, 200)}`);
  }
  const contains = record.contains;
  const fieldManager = typeof record.fieldManager === "string" ? record.fieldManager : undefined;
  const markDeleted = record.markDeleted === true;
  for (const k of SCENARIO_ONLY) delete record[k];
  if (obj.kind === "Kustomization") {
    const items = Array.isArray(contains) ? contains : [];
    const manifests = items.map((m) => {
      if (!isMap(m)) throw new Error(`Kustomization ${obj.metadata.name}: contains entries must be manifests`);
      return extractManifest(ctx, m).obj;
    });
    ctx.contents.set(objKey(obj.metadata.namespace ?? "flux-system", obj.metadata.name), manifests);
  } else if (contains !== undefined) {
    throw new Error(`${obj.kind} ${obj.metadata.name}: only Kustomizations may have "contains"`);
  }
  return { obj, fieldManager, markDeleted };
}

export function applyScenario(ctx: SimContext, spec: ScenarioSpec, params: Record<string, string>): void {
  for (const ns of spec.namespaces) {
    const name = typeof ns === "string" ? ns : ns.name;
    const labels = { "kubernetes.io/metadata.name": name, ...(typeof ns === "string" ? {} : (ns.labels ?? {})) };
    if (!ctx.store.get(R.namespaces, undefined, name)) {
      ctx.store.create(
        R.namespaces,
        {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name, labels },
          spec: { finalizers: ["kubernetes"] },
          status: { phase: "Active" },
        },
        { fieldManager: "kubectl-create" },
      );
    }
  }
  for (const v of spec.vault) {
    ctx.vault.ensureStore(v.store);
    for (const [item, fields] of Object.entries(v.items)) ctx.vault.set(v.store, item, fields);
    if (v.unreachable) ctx.vault.setUnreachable(v.store, true);
  }
  for (const db of spec.databases) ctx.databases.add(db);
  for (const raw of spec.objects) {
    const { obj, fieldManager, markDeleted } = extractManifest(ctx, raw);
    const kind = resolveKind(ctx.store, obj.apiVersion, obj.kind);
    if (!kind) throw new Error(`scenario ${spec.name}: kind ${obj.apiVersion}/${obj.kind} is not served`);
    if (kind.namespaced && !obj.metadata.namespace) obj.metadata.namespace = "default";
    ctx.store.create(kind.key, obj, { fieldManager: fieldManager ?? "kubectl-client-side-apply" });
    if (markDeleted) ctx.store.delete(kind.key, obj.metadata.namespace, obj.metadata.name);
  }
  if (spec.generator === "large") {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries(spec.params)) merged[k] = String(v);
    generateLarge(ctx, { ...merged, ...params });
  }
}
