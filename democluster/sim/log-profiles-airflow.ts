// Log profiles of the Airflow components (scheduler, api-server/webserver, triggerer, dag-processor, worker).
import { AIRFLOW_BANNER, airflowLine, celeryLine, uvicornAccess } from "./log-format";
import type { LogProfile } from "./log-types";

const DAGS = [
  "etl_daily",
  "ml_feature_refresh",
  "dbt_run",
  "s3_to_warehouse",
  "data_quality_checks",
  "reporting_hourly",
];
const TASKS = ["extract", "transform", "load", "validate", "publish", "notify"];

function runId(t: number): string {
  const d = new Date(t - (t % 3_600_000));
  return `scheduled__${d.toISOString().replace(/\.\d{3}Z$/, "+00:00")}`;
}

export const scheduler: LogProfile = {
  name: "scheduler",
  periodMs: 5000,
  startup: (c, t) => [
    ...AIRFLOW_BANNER,
    airflowLine(
      c.airflowMajor,
      t,
      "info",
      "airflow.executors.executor_loader",
      "executor_loader.py:269",
      `Loaded executor: ${c.executor}`,
    ),
    airflowLine(
      c.airflowMajor,
      t + 40,
      "info",
      "airflow.jobs.scheduler_job_runner.SchedulerJobRunner",
      "scheduler_job_runner.py:990",
      "Starting the scheduler",
    ),
    airflowLine(
      c.airflowMajor,
      t + 90,
      "info",
      "airflow.jobs.scheduler_job_runner.SchedulerJobRunner",
      "scheduler_job_runner.py:2143",
      "Adopting or resetting orphaned tasks for active dag runs",
    ),
  ],
  periodic: (c, t, i, rng) => {
    const dag = rng.pick(DAGS);
    const task = rng.pick(TASKS);
    const logger = "airflow.jobs.scheduler_job_runner.SchedulerJobRunner";
    switch (i % 4) {
      case 0:
        return [
          airflowLine(c.airflowMajor, t, "info", logger, "scheduler_job_runner.py:423", "1 tasks up for execution:"),
          `\t<TaskInstance: ${dag}.${task} ${runId(t)} [scheduled]>`,
        ];
      case 1:
        return [
          airflowLine(
            c.airflowMajor,
            t,
            "info",
            logger,
            "scheduler_job_runner.py:731",
            `Received executor event with state success for task instance TaskInstanceKey(dag_id='${dag}', task_id='${task}', run_id='${runId(t)}', try_number=1, map_index=-1)`,
          ),
        ];
      case 2:
        return [
          airflowLine(
            c.airflowMajor,
            t,
            "info",
            "airflow.models.dagrun.DagRun",
            "dagrun.py:1037",
            `Marking run <DagRun ${dag} @ ${new Date(t).toISOString()}: ${runId(t)}, state:running> successful`,
          ),
        ];
      default:
        return [
          airflowLine(
            c.airflowMajor,
            t,
            "info",
            logger,
            "scheduler_job_runner.py:2143",
            "Adopting or resetting orphaned tasks for active dag runs",
          ),
        ];
    }
  },
};

export const apiServer: LogProfile = {
  name: "api-server",
  periodMs: 3000,
  startup: () => [
    "INFO:     Started server process [1]",
    "INFO:     Waiting for application startup.",
    "INFO:     Application startup complete.",
    "INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)",
  ],
  periodic: (_c, _t, i, rng) => {
    const ip = `10.244.${rng.int(4)}.${1 + rng.int(250)}:${30000 + rng.int(30000)}`;
    const paths = [
      "/api/v2/monitor/health",
      "/api/v2/monitor/health",
      "/api/v2/version",
      `/api/v2/dags?limit=50&offset=0`,
      `/api/v2/dags/${rng.pick(DAGS)}/dagRuns?limit=25`,
    ];
    return [uvicornAccess(ip, paths[i % paths.length])];
  },
};

export const webserver: LogProfile = {
  name: "webserver",
  periodMs: 3000,
  startup: (_c, t) => {
    const ts = new Date(t)
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d{3}Z$/, " +0000");
    return [
      ...AIRFLOW_BANNER,
      `[${ts}] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${ts}] [1] [INFO] Listening at: http://0.0.0.0:8080 (1)`,
      `[${ts}] [1] [INFO] Using worker: sync`,
      `[${ts}] [45] [INFO] Booting worker with pid: 45`,
    ];
  },
  periodic: (_c, t, _i, rng) => {
    const d = new Date(t).toUTCString().split(" ");
    return [
      `10.244.${rng.int(4)}.1 - - [${d[1]}/${d[2]}/${d[3]}:${d[4]} +0000] "GET /health HTTP/1.1" 200 283 "-" "kube-probe/1.32"`,
    ];
  },
};

export const triggerer: LogProfile = {
  name: "triggerer",
  periodMs: 10000,
  startup: (c, t) => [
    ...AIRFLOW_BANNER,
    airflowLine(
      c.airflowMajor,
      t,
      "info",
      "airflow.jobs.triggerer_job_runner.TriggererJobRunner",
      "triggerer_job_runner.py:340",
      "Starting the triggerer",
    ),
  ],
  periodic: (c, t, _i, rng) => [
    airflowLine(
      c.airflowMajor,
      t,
      "info",
      "airflow.jobs.triggerer_job_runner.TriggerRunnerSupervisor",
      "triggerer_job_runner.py:532",
      `${rng.int(3)} triggers currently running`,
    ),
  ],
};

export const dagProcessor: LogProfile = {
  name: "dag-processor",
  periodMs: 8000,
  startup: (c, t) => [
    ...AIRFLOW_BANNER,
    airflowLine(
      c.airflowMajor,
      t,
      "info",
      "airflow.jobs.dag_processor_job_runner.DagProcessorJobRunner",
      "dag_processor_job_runner.py:61",
      "Starting the Dag Processor Job",
    ),
  ],
  periodic: (c, t, _i, rng) => [
    airflowLine(
      c.airflowMajor,
      t,
      "info",
      "airflow.dag_processing.manager.DagFileProcessorManager",
      "manager.py:783",
      `Finished processing /opt/airflow/dags/repo/dags/${rng.pick(DAGS)}.py in ${(0.2 + rng.next()).toFixed(2)}s`,
    ),
  ],
};

export const worker: LogProfile = {
  name: "worker",
  periodMs: 10000,
  startup: (c, t) => [
    ` -------------- celery@${c.pod} v5.5.2 (immunity)`,
    celeryLine(t, "INFO", "Connected to redis://:**@airflow-redis:6379/0"),
    celeryLine(t + 50, "INFO", `celery@${c.pod} ready.`),
  ],
  periodic: (_c, t, i, rng) => {
    const id = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
    const name = "airflow.providers.celery.executors.celery_executor_utils.execute_workload";
    return i % 2 === 0
      ? [celeryLine(t, "INFO", `Task ${name}[${id}] received`)]
      : [celeryLine(t, "INFO", `Task ${name}[${id}] succeeded in ${(1 + rng.next() * 8).toFixed(3)}s: None`)];
  },
};
