// Pure helpers for masking Secret values in text that leaves the server (pod logs). No I/O.
import type { KubeObject } from "@/lib/kinds/object";

/** Secret names a pod spec reads (env, envFrom, volumes, projected volumes). */
export function referencedSecrets(pod: KubeObject): string[] {
  const spec = (pod.spec ?? {}) as {
    containers?: { env?: { valueFrom?: { secretKeyRef?: { name?: string } } }[]; envFrom?: { secretRef?: { name?: string } }[] }[];
    initContainers?: { env?: { valueFrom?: { secretKeyRef?: { name?: string } } }[]; envFrom?: { secretRef?: { name?: string } }[] }[];
    volumes?: { secret?: { secretName?: string }; projected?: { sources?: { secret?: { name?: string } }[] } }[];
  };
  const names = new Set<string>();
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef?.name) names.add(e.valueFrom.secretKeyRef.name);
    for (const e of c.envFrom ?? []) if (e.secretRef?.name) names.add(e.secretRef.name);
  }
  for (const v of spec.volumes ?? []) {
    if (v.secret?.secretName) names.add(v.secret.secretName);
    for (const s of v.projected?.sources ?? []) if (s.secret?.name) names.add(s.secret.name);
  }
  return [...names];
}

/** Builds a function that replaces every occurrence of the given secret values with a mask. */
export function secretMasker(values: string[]): (line: string) => string {
  const usable = [...new Set(values.filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length);
  if (!usable.length) return (line) => line;
  return (line) => usable.reduce((acc, v) => (acc.includes(v) ? acc.split(v).join("••••••") : acc), line);
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
