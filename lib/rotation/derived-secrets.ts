// Secrets that hold a copy of another Secret's value and must not be rotated on their own: with PgBouncer, the
// config (users.txt) and stats Secrets carry the metadata database password, and the `airflow-metadata-password`
// rotation of the metadata Secret updates them in step. Rotating one alone would lock PgBouncer out.
import "server-only";
import { helmReleaseName, workloadNamespace } from "@/lib/checklist";
import { at, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import { pgbouncerEnabled } from "./airflow";
import { pgbouncerSecretNames } from "./pgbouncer-plan";

/** Secret name → why it is not rotated by itself, for the Airflow releases (`subjects`, discoverSubjects) of `namespace`. */
export function derivedSecrets(subjects: KubeObject[], namespace: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const hr of subjects) {
    if (workloadNamespace(hr) !== namespace || !pgbouncerEnabled(hr)) continue;
    const metadata = str(at(hr.spec?.values, "data", "metadataSecretName")) || `${helmReleaseName(hr)}-metadata`;
    const why = `it carries the metadata database password: rotate ${metadata} (Airflow metadata DB password), which updates it too`;
    const names = pgbouncerSecretNames(hr);
    for (const name of [names.config, names.stats]) if (!out.has(name)) out.set(name, why);
  }
  return out;
}
