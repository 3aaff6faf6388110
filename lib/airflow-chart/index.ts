// Pure knowledge of the official Apache Airflow Helm chart, lines 1.16–1.19 (charts/airflow/<version>/).
export { chartLine, CHART_LINES, defaultAirflowVersion, honoursValue, secretKeysHonoured, secretKeyFacts } from "./versions";
export type { ChartLine, SecretKeyFacts } from "./versions";
export { chartNames } from "./naming";
export type { ChartNames, ChartNamesInput } from "./naming";
export { chartFlavour } from "./official";
export type { ChartFlavour, ChartFlavourInput } from "./official";
export { gitSyncAuth, gitSyncIntervalSeconds, goDurationSeconds, GIT_SYNC_CREDENTIAL_KEYS } from "./git-sync";
export type { GitSyncAuth } from "./git-sync";
export type { ChartSecret, ChartSecretRole } from "./secrets";
export type { WorkerSetRef, WorkloadComponent, WorkloadRef } from "./workloads";
export { dagProcessorEnabled } from "./workloads";
export { airflowFullname, bundledPostgresqlName, serviceAccountPrefix } from "./fullname";
export { chartDefaultsFor, readValues } from "./values";
export type { ValueReader, Values } from "./values";
export { isAirflow3, isBeforeAirflow3, semverCompare } from "./semver";
export { knownBySchema } from "./schema-paths";
