// What each line (1.16–1.19) of the official Apache Airflow chart knows. Pure.
// Every fact here was read in charts/airflow/<version>/ (templates, values.yaml, values.schema.json); the tests
// cite the template lines.

import { knownBySchema, normalisePath } from "./schema-paths";
import { isAirflow3, isBeforeAirflow3 } from "./semver";
import { readValues, type ValueReader, type Values } from "./values";

export type ChartLine = "1.16" | "1.17" | "1.18" | "1.19";

export const CHART_LINES: readonly ChartLine[] = ["1.16", "1.17", "1.18", "1.19"];

/** major.minor of a chart version ("1.18.0", "v1.19.0-rc1"); clamps <1.16 to "1.16" and >1.19 to "1.19"; undefined input → "1.19". */
export function chartLine(chartVersion: string | undefined): ChartLine {
  const m = /^\s*v?(\d+)\.(\d+)/.exec(chartVersion ?? "");
  if (!m) return "1.19";
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major < 1 || (major === 1 && minor <= 16)) return "1.16";
  if (major > 1 || minor >= 19) return "1.19";
  return `1.${minor}` as ChartLine;
}

const DEFAULT_AIRFLOW: Record<ChartLine, string> = {
  "1.16": "2.10.5",
  "1.17": "3.0.2",
  "1.18": "3.0.2",
  "1.19": "3.1.7",
};

/** The chart's `airflowVersion` default (= Chart.yaml appVersion) for a line. */
export function defaultAirflowVersion(line: ChartLine): string {
  return DEFAULT_AIRFLOW[line];
}

export interface SecretKeyFacts {
  /** The pods get the key from the chart (a secretKeyRef env var in `standard_airflow_environment`). */
  webserverSecretKey: boolean;
  apiSecretKey: boolean;
  jwtSecret: boolean;
  /** The chart renders the Secret itself (no `*SecretName` given, and the version's render conditions hold). */
  rendered: { webserverSecretKey: boolean; apiSecretKey: boolean; jwtSecret: boolean };
}

/**
 * Which of the webserver secret key, API secret key and JWT secret a release uses, for its chart line,
 * Airflow version and values (enableBuiltInSecretEnvVars, *SecretName, webserver.enabled, apiServer.enabled).
 * - 1.16: webserver key for every Airflow version; no API key, no JWT secret.
 * - 1.17: webserver key for every Airflow version; JWT secret for Airflow ≥ 3.
 * - 1.18: webserver key for Airflow < 3 (rendered only with webserver.enabled); API key and JWT for Airflow ≥ 3.
 * - 1.19: as 1.18, but the webserver Secret ignores webserver.enabled and the API-key and JWT Secrets are
 *   rendered only with apiServer.enabled (the env vars still refer to them).
 */
export function secretKeysHonoured(line: ChartLine, airflowVersion: string, values: Values): SecretKeyFacts {
  return secretKeyFacts(readValues(line, values), airflowVersion);
}

/** `secretKeysHonoured` on values already read for a line. */
export function secretKeyFacts(v: ValueReader, airflowVersion: string): SecretKeyFacts {
  const line = v.line;
  const env = (name: string) => v.on(`enableBuiltInSecretEnvVars.${name}`);
  const af3 = isAirflow3(airflowVersion);
  const af2 = isBeforeAirflow3(airflowVersion);
  const perVersionWebserver = line === "1.16" || line === "1.17";

  const webserverSecretKey = env("AIRFLOW__WEBSERVER__SECRET_KEY") && (perVersionWebserver || af2);
  const apiSecretKey = (line === "1.18" || line === "1.19") && af3 && env("AIRFLOW__API__SECRET_KEY");
  const jwtSecret = line !== "1.16" && af3 && env("AIRFLOW__API_AUTH__JWT_SECRET");

  const apiServerOn = line !== "1.19" || v.on("apiServer.enabled");
  let webserverRendered = !v.on("webserverSecretKeySecretName");
  if (!perVersionWebserver) webserverRendered &&= af2 && (line === "1.19" || v.on("webserver.enabled"));
  return {
    webserverSecretKey,
    apiSecretKey,
    jwtSecret,
    rendered: {
      webserverSecretKey: webserverRendered,
      apiSecretKey: (line === "1.18" || line === "1.19") && af3 && apiServerOn && !v.on("apiSecretKeySecretName"),
      jwtSecret: line !== "1.16" && af3 && apiServerOn && !v.on("jwtSecretName"),
    },
  };
}

// Read in the templates, where they and values.schema.json disagree:
// values a version's templates read although its schema does not list them …
const TEMPLATE_ONLY: Record<ChartLine, readonly string[]> = {
  "1.16": ["postgresql"],
  // templates/api-server/api-server-ingress.yaml reads .Values.ingress.apiServer.*; the schema lists it from 1.19.
  "1.17": ["postgresql", "ingress.apiServer"],
  "1.18": ["postgresql", "ingress.apiServer"],
  "1.19": ["postgresql"],
};
// … and values a version's schema accepts although no template reads them.
const SCHEMA_ONLY: Record<ChartLine, readonly string[]> = {
  // The create-user Job reads webserver.defaultUser only (templates/jobs/create-user-job.yaml).
  "1.16": ["apiServer.defaultUser"],
  "1.17": ["apiServer.defaultUser"],
  "1.18": ["apiServer.defaultUser"],
  // The Job is switched by createUserJob.enabled (or webserver.defaultUser.enabled), never by this key.
  "1.19": ["createUserJob.defaultUser.enabled"],
};

function under(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => path === p || path.startsWith(`${p}.`));
}

/**
 * Does this chart line honour a values path at all: its values.schema.json describes it and a template reads it?
 * (`postgresql.*` goes to the bundled Bitnami subchart.) e.g. "apiSecretKeySecretName" false on 1.16/1.17,
 * "jwtSecretName" false on 1.16, "apiServer.hpa" only 1.19. Array indices in the path are ignored.
 */
export function honoursValue(line: ChartLine, path: string): boolean {
  const p = normalisePath(path);
  if (!p) return false;
  if (under(p, SCHEMA_ONLY[line])) return false;
  return under(p, TEMPLATE_ONLY[line]) || knownBySchema(line, p);
}
