// The one place lib/checklist reaches the chart knowledge module (lib/airflow-chart: names, version lines,
// honoured values, flavour, git-sync).

export {
  bundledPostgresqlName,
  chartFlavour,
  chartLine,
  chartNames,
  defaultAirflowVersion,
  gitSyncIntervalSeconds,
  GIT_SYNC_CREDENTIAL_KEYS,
  honoursValue,
  readValues,
  secretKeysHonoured,
  type ChartLine,
  type ChartNames,
} from "../airflow-chart";
