import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { NOW } from "./fixtures/clock";
import * as p from "./fixtures/pods";
import * as batch from "./fixtures/batch";
import * as sts from "./fixtures/statefulsets";
import * as w from "./fixtures/workloads";
import { healthOf, type Verdict } from "./index";

type Expect = Partial<Omit<Verdict, "extra">> & { messageIncludes?: string; extraIncludes?: string[] };

const cases: Array<[string, KubeObject, Expect]> = [
  [
    "Deployment rollout in progress",
    w.deploymentRollingOut,
    {
      status: "Progressing",
      reason: "RolloutInProgress",
      message: 'Waiting for deployment "airflow-webserver" rollout to finish: 2 of 3 updated replicas are available...',
    },
  ],
  [
    "Deployment ProgressDeadlineExceeded",
    w.deploymentDeadlineExceeded,
    {
      status: "Degraded",
      reason: "ProgressDeadlineExceeded",
      message: 'ReplicaSet "airflow-scheduler-5c7b9d8f6d" has timed out progressing.',
    },
  ],
  ["Deployment paused", w.deploymentPaused, { status: "Suspended", reason: "Paused" }],
  [
    "Deployment rolled out",
    w.deploymentHealthy,
    { status: "Healthy", reason: "RolledOut", message: 'deployment "airflow-triggerer" successfully rolled out' },
  ],
  [
    "Deployment generation not observed",
    w.deploymentNotObserved,
    { status: "Progressing", reason: "LatestGenerationNotObserved", stale: true },
  ],

  [
    "StatefulSet partition: pods above the partition updated → Healthy",
    sts.statefulSetPartitionDone,
    {
      status: "Healthy",
      reason: "PartitionedRolloutComplete",
      message: "partitioned roll out complete: 2 new pods have been updated...",
      extraIncludes: ["partition 2: pods below ordinal 2 stay on revision airflow-worker-6d8f7c9b5"],
    },
  ],
  [
    "StatefulSet partition: still rolling",
    sts.statefulSetPartitionRolling,
    {
      status: "Progressing",
      reason: "PartitionedRollout",
      message: "Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...",
    },
  ],
  [
    "StatefulSet currentRevision ≠ updateRevision",
    sts.statefulSetRevisionMismatch,
    {
      status: "Progressing",
      reason: "RolloutInProgress",
      message: "waiting for statefulset rolling update to complete 2 pods at revision airflow-worker-7b9c8d6f4...",
    },
  ],
  [
    "StatefulSet OnDelete: Healthy, old pods noted",
    sts.statefulSetOnDelete,
    {
      status: "Healthy",
      reason: "OnDelete",
      extraIncludes: [
        "1 pod still on revision airflow-redis-5f6d7c8b9; delete them to move to airflow-redis-8c7b6a5d4",
      ],
    },
  ],
  ["StatefulSet rolled out", sts.statefulSetHealthy, { status: "Healthy", reason: "RolledOut" }],

  ["Job complete", batch.jobComplete, { status: "Healthy", reason: "CompletionsReached" }],
  [
    "Job failed",
    batch.jobFailed,
    { status: "Degraded", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" },
  ],
  ["Job suspended", batch.jobSuspended, { status: "Suspended", message: "Job suspended" }],
  [
    "Job running",
    batch.jobRunning,
    { status: "Progressing", reason: "Running", message: "Job running: 1 active, 0 succeeded" },
  ],

  [
    "PDB below budget",
    batch.pdbInsufficient,
    {
      status: "Degraded",
      reason: "InsufficientPods",
      message: "0 of 1 required pods healthy (2 expected); no voluntary disruptions allowed",
    },
  ],
  ["PDB healthy", batch.pdbHealthy, { status: "Healthy", reason: "SufficientPods" }],
  [
    "PDB allows no disruption but has enough pods",
    batch.pdbZeroAllowed,
    { status: "Healthy", extraIncludes: ["no voluntary disruptions allowed: node drains will block"] },
  ],

  [
    "Pod CrashLoopBackOff names the container and the last exit",
    p.podCrashLoop,
    {
      status: "Degraded",
      reason: "CrashLoopBackOff",
      messageIncludes: 'container "scheduler": CrashLoopBackOff: back-off 5m0s',
      extraIncludes: ["restarted 14 times"],
    },
  ],
  [
    "Pod CreateContainerConfigError (Secret missing)",
    p.podCreateContainerConfigError,
    {
      status: "Degraded",
      reason: "CreateContainerConfigError",
      message: 'container "scheduler": CreateContainerConfigError: secret "airflow-metadata" not found',
    },
  ],
  [
    "Pod ImagePullBackOff",
    p.podImagePullBackOff,
    {
      status: "Degraded",
      reason: "ImagePullBackOff",
      messageIncludes: 'Back-off pulling image "apache/airflow:2.10.55"',
    },
  ],
  ["Pod running and ready", p.podRunning, { status: "Healthy", reason: "Running" }],
  [
    "Pod running, not ready, after an OOM kill",
    p.podNotReadyAfterRestart,
    {
      status: "Degraded",
      reason: "OOMKilled",
      messageIncludes: 'container "scheduler" is not ready; last terminated: OOMKilled, exit code 137',
    },
  ],
  [
    "Pod Unschedulable for 10 minutes",
    p.podUnschedulable,
    { status: "Degraded", reason: "Unschedulable", messageIncludes: "3 Insufficient memory" },
  ],
  ["Pod Unschedulable for 5 seconds", p.podUnschedulableFresh, { status: "Progressing", reason: "Unschedulable" }],
  ["Pod succeeded", p.podSucceeded, { status: "Healthy", reason: "Completed" }],
  [
    "Pod evicted",
    p.podEvicted,
    { status: "Degraded", reason: "Evicted", messageIncludes: "low on resource: ephemeral-storage" },
  ],
  [
    "Pod stuck terminating",
    p.podStuckTerminating,
    { status: "Degraded", reason: "StuckTerminating", message: "stuck terminating for 20m" },
  ],
];

describe("healthOf: workloads and pods", () => {
  it.each(cases)("%s", (_n, obj, want) => {
    const got = healthOf(obj, { now: NOW });
    const { messageIncludes, extraIncludes, ...exact } = want;
    expect(got).toMatchObject(exact);
    if (messageIncludes) expect(got.message).toContain(messageIncludes);
    for (const l of extraIncludes ?? []) expect(got.extra ?? []).toContain(l);
  });

  it("CrashLoopBackOff carries the previous termination in extra", () => {
    const got = healthOf(p.podCrashLoop, { now: NOW });
    expect(got.extra?.[0]).toMatch(/^last terminated: Error, exit code 1: sqlalchemy\.exc\.OperationalError/);
  });

  it("kinds without a rule fall back to kstatus generic rules", () => {
    const cm: KubeObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "airflow-config", namespace: "airflow" },
    };
    expect(healthOf(cm).status).toBe("Healthy");
    const crd: KubeObject = {
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: "web", namespace: "airflow", generation: 1 },
      status: {
        observedGeneration: 1,
        conditions: [{ type: "Ready", status: "False", reason: "DoesNotExist", message: "Issuer not found" }],
      },
    };
    expect(healthOf(crd)).toMatchObject({ status: "Degraded", reason: "DoesNotExist" });
    const unknownPhase: KubeObject = { ...p.podRunning, status: { phase: "Unknown" } };
    expect(healthOf(unknownPhase).status).toBe("Unknown");
  });
});
