// Pure helpers for masking Secret values in text that leaves the server (pod logs): which Secrets a pod reads,
// and every form a value can take in a log line (verbatim, its pieces, URL passwords, URL-encoded, JSON-escaped,
// base64 at any alignment). No I/O.
import type { KubeObject } from "@/lib/kinds/object";

/** A Secret a pod spec reads; `optional` when every reference to it says optional: true (the pod runs without it). */
export interface SecretReference {
  name: string;
  optional: boolean;
}

interface Ref {
  name?: string;
  optional?: boolean;
}

/** Secrets a pod spec reads (env, envFrom, volumes, projected volumes; init containers too). */
export function secretReferences(pod: KubeObject): SecretReference[] {
  const spec = (pod.spec ?? {}) as {
    containers?: { env?: { valueFrom?: { secretKeyRef?: Ref } }[]; envFrom?: { secretRef?: Ref }[] }[];
    initContainers?: { env?: { valueFrom?: { secretKeyRef?: Ref } }[]; envFrom?: { secretRef?: Ref }[] }[];
    ephemeralContainers?: { env?: { valueFrom?: { secretKeyRef?: Ref } }[]; envFrom?: { secretRef?: Ref }[] }[];
    volumes?: { secret?: { secretName?: string; optional?: boolean }; projected?: { sources?: { secret?: Ref }[] } }[];
  };
  const refs = new Map<string, boolean>();
  const add = (name: string | undefined, optional: boolean | undefined) => {
    if (name) refs.set(name, (refs.get(name) ?? true) && optional === true);
  };
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])]) {
    for (const e of c.env ?? []) add(e.valueFrom?.secretKeyRef?.name, e.valueFrom?.secretKeyRef?.optional);
    for (const e of c.envFrom ?? []) add(e.secretRef?.name, e.secretRef?.optional);
  }
  for (const v of spec.volumes ?? []) {
    add(v.secret?.secretName, v.secret?.optional);
    for (const s of v.projected?.sources ?? []) add(s.secret?.name, s.secret?.optional);
  }
  return [...refs].map(([name, optional]) => ({ name, optional }));
}

/** Secret names a pod spec reads (env, envFrom, volumes, projected volumes). */
export function referencedSecrets(pod: KubeObject): string[] {
  return secretReferences(pod).map((r) => r.name);
}

const MASK = "••••••";
/** Raw values shorter than this are not masked (they would mask ordinary words). */
const MIN_RAW = 4;
/** Encoded forms (base64 cores, escapes) shorter than this are not masked. */
const MIN_ENCODED = 8;

/** Builds a function that replaces every occurrence of the given strings with a mask (longest first). */
export function secretMasker(values: string[]): (line: string) => string {
  const usable = [...new Set(values.filter((v) => v.length >= MIN_RAW))].sort((a, b) => b.length - a.length);
  if (!usable.length) return (line) => line;
  const pattern = new RegExp(usable.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return (line) => line.replace(pattern, MASK);
}

/**
 * The part of base64(value) that does not depend on what surrounds the value, for each of the three alignments
 * it can have inside a longer base64 text (standard and URL-safe alphabets, no padding).
 */
export function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const out: string[] = [];
  for (const lead of [0, 1, 2]) {
    const total = lead + bytes.length;
    let enc = Buffer.concat([Buffer.alloc(lead), bytes]).toString("base64").replace(/=+$/, "");
    // Characters that mix bits of the leading filler, or of whatever follows the value, are dropped.
    if (total % 3 !== 0) enc = enc.slice(0, -1);
    enc = enc.slice(lead === 0 ? 0 : lead + 1);
    out.push(enc, enc.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return out;
}

/** How a value may appear in a log line besides verbatim: URL-encoded, JSON-escaped, base64. */
export function encodedForms(value: string): string[] {
  const uri = encodeURIComponent(value);
  const json = JSON.stringify(value).slice(1, -1);
  const forms = [
    uri,
    uri.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    uri.replace(/%20/g, "+"),
    json,
    json.replace(/\//g, "\\/"),
    json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  ];
  return [...new Set([...forms.filter((f) => f !== value), ...base64Cores(value)])].filter((f) => f.length >= MIN_ENCODED);
}

/** Every string to mask for the values of a Secret: each value, its pieces, URL passwords, and their encodings. */
export function maskedForms(values: string[]): string[] {
  const raw = new Set<string>();
  for (const v of values) for (const piece of [v, ...v.split(/[\s,]+/), ...urlPasswords(v)]) if (piece.length >= MIN_RAW) raw.add(piece);
  const out = new Set(raw);
  for (const v of raw) for (const f of encodedForms(v)) out.add(f);
  return [...out];
}

/** Passwords embedded in connection URLs (postgresql://user:PASSWORD@host/db). */
export function urlPasswords(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s]+/gi)) {
    try {
      const pw = decodeURIComponent(new URL(m[0]).password);
      if (pw) out.push(pw);
    } catch {
      // not a URL
    }
  }
  return out;
}
