// What must be hidden in a release's Helm records: every value that came from a `valuesFrom` Secret (its leaf strings,
// wherever they occur, and the paths it sets). Pure: the caller passes the resolved valuesFrom sources.
import { parse as parseYaml } from "yaml";
import type { ValuesFromSource } from "@/lib/checklist";
import type { MaskOptions } from "@/lib/helm/mask";
import type { KubeObject } from "@/lib/kinds/object";

type Rec = Record<string, unknown>;
const isMap = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

function leafStrings(v: unknown, out: string[]): void {
  if (typeof v === "string") out.push(v);
  else if (typeof v === "number" || typeof v === "boolean") return;
  else if (Array.isArray(v)) v.forEach((x) => leafStrings(x, out));
  else if (isMap(v)) Object.values(v).forEach((x) => leafStrings(x, out));
}

/** Helm `--set` paths of every leaf (a list counts as one leaf): only what the Secret sets is hidden, not its siblings. */
function leafPaths(v: unknown, prefix: string, out: string[]): void {
  if (isMap(v) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) leafPaths(x, `${prefix ? `${prefix}.` : ""}${k.replace(/\./g, "\\.")}`, out);
  } else if (prefix) out.push(prefix);
}

function parsed(raw: string): unknown {
  try {
    return parseYaml(raw);
  } catch {
    return raw;
  }
}

/** Mask options for a HelmRelease: the values its `valuesFrom` Secrets contribute never leave the server. */
export function maskOptionsFor(hr: KubeObject, sources: ValuesFromSource[]): MaskOptions {
  const refs = Array.isArray(hr.spec?.valuesFrom) ? hr.spec.valuesFrom.filter(isMap) : [];
  const secretValuePaths: string[] = [];
  const secretStrings: string[] = [];
  for (const ref of refs) {
    if (ref.kind !== "Secret") continue;
    const source = sources.find((s) => s.kind === "Secret" && s.name === ref.name);
    const key = typeof ref.valuesKey === "string" && ref.valuesKey ? ref.valuesKey : "values.yaml";
    const raw = source?.data?.[key];
    if (raw === undefined) continue;
    if (typeof ref.targetPath === "string" && ref.targetPath) {
      secretValuePaths.push(ref.targetPath);
      secretStrings.push(raw.trim());
      continue;
    }
    const doc = parsed(raw);
    if (isMap(doc)) leafPaths(doc, "", secretValuePaths);
    leafStrings(doc, secretStrings);
  }
  return { secretValuePaths, secretStrings: [...new Set(secretStrings.filter((s) => s.length >= 4))] };
}
