// Secrets that hold a copy of another Secret's value and must not be rotated on their own: with PgBouncer, the
// config (users.txt) and stats Secrets carry the metadata database password, and the `airflow-metadata-password`
// rotation of the metadata Secret updates them in step. Rotating one alone would lock PgBouncer out.
import { pgbouncerEnabled, type ReleaseNaming } from "./airflow";
import { pgbouncerSecretNames } from "./pgbouncer-plan";

/** Secret name → why it is not rotated by itself, for the Airflow releases (airflowReleasesFacts) of `namespace`. */
export function derivedSecrets(releases: ReleaseNaming[], namespace: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of releases) {
    if (r.namespace !== namespace || !pgbouncerEnabled(r)) continue;
    const metadata = r.names.metadataSecret;
    const why = `it carries the metadata database password: rotate ${metadata} (Airflow metadata DB password), which updates it too`;
    const names = pgbouncerSecretNames(r);
    for (const name of [names.config, names.stats]) if (!out.has(name)) out.set(name, why);
  }
  return out;
}
