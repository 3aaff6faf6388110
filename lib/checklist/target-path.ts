// `spec.valuesFrom[].targetPath`: set one value at a Helm `--set`-style path, like helm-controller's
// ReplacePathValue (fluxcd/pkg chartutil): quoted values stay strings, unquoted ones are typed like strvals.

type Container = Record<string, unknown> | unknown[];
type Segment = { key: string; index?: number };

/** Split `a.b\.c[2].d` into segments; `\.` escapes a dot. */
export function parseTargetPath(path: string): Segment[] {
  const segments: Segment[] = [];
  let current = "";
  const flush = () => {
    const m = /^(.*?)((?:\[\d+\])+)$/.exec(current);
    if (m) {
      const indexes = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
      if (m[1]) segments.push({ key: m[1] });
      for (const index of indexes) segments.push({ key: "", index });
    } else if (current) segments.push({ key: current });
    current = "";
  };
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "\\" && path[i + 1] === ".") {
      current += ".";
      i++;
    } else if (c === ".") flush();
    else current += c;
  }
  flush();
  return segments;
}

function typed(raw: string): unknown {
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw === "null") return null;
  if (/^-?(0|[1-9]\d*)$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  return raw;
}

function unescapeCommas(s: string): string {
  return s.replace(/\\,/g, ",");
}

/** Convert a raw targetPath value the way helm-controller does (quotes force a string; `{a,b}` is a list). */
export function targetPathValue(raw: string): unknown {
  const quoted = (raw.startsWith("'") && raw.endsWith("'")) || (raw.startsWith('"') && raw.endsWith('"'));
  if (quoted && raw.length >= 2) return raw.replace(/^['"]+|['"]+$/g, "");
  if (raw.startsWith("{") && raw.endsWith("}")) {
    const inner = raw.slice(1, -1);
    return inner === "" ? [] : inner.split(/(?<!\\),/).map((x) => typed(unescapeCommas(x)));
  }
  return typed(unescapeCommas(raw));
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Set `value` at `path` inside `root` (mutates `root`, creating maps and lists as needed). */
export function setAtTargetPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parseTargetPath(path);
  if (segments.length === 0) throw new Error(`empty targetPath`);
  let container: Container = root;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const next = segments[i + 1];
    const fresh = (): Container => (next?.index !== undefined ? [] : {});
    if (seg.index !== undefined) {
      if (!Array.isArray(container)) throw new Error(`targetPath ${path}: index on a non-list`);
      const list: unknown[] = container;
      while (list.length <= seg.index) list.push(null);
      if (last) list[seg.index] = value;
      else {
        const child = list[seg.index];
        if (!(isMap(child) || Array.isArray(child))) list[seg.index] = fresh();
        container = list[seg.index] as Container;
      }
      return;
    }
    if (!isMap(container)) throw new Error(`targetPath ${path}: key on a non-map`);
    const map: Record<string, unknown> = container;
    if (last) map[seg.key] = value;
    else {
      const child = map[seg.key];
      const wantsList = next?.index !== undefined;
      if (wantsList && Array.isArray(child)) map[seg.key] = [...child];
      else if (!wantsList && isMap(child)) map[seg.key] = { ...child };
      else map[seg.key] = fresh();
      container = map[seg.key] as Container;
    }
  });
}
