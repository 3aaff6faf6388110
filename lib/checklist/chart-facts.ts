// The one place lib/checklist reaches the chart knowledge module (names, version lines, honoured values).

export {
  chartFlavour,
  chartLine,
  chartNames,
  defaultAirflowVersion,
  gitSyncIntervalSeconds,
  GIT_SYNC_CREDENTIAL_KEYS,
  honoursValue,
  secretKeysHonoured,
  type ChartLine,
  type ChartNames,
} from "./airflow-chart-standin";
