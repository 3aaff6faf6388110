// The kubelet's per-pod memory: each container's state machine, and the pod status composed from it.
import type { KObject } from "../store/types";
import { asMaps, asString, getPath, nowTime, type JsonMap } from "../sim/objects";
import { nodeIp } from "./pod-factory";
import { templateHash } from "../sim/hash";

export type CPhase = "waiting" | "running" | "terminated";

export interface CState {
  name: string;
  image: string;
  init: boolean;
  phase: CPhase;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  exitCode?: number;
  restarts: number;
  ready: boolean;
  lastTerminated?: JsonMap;
  backoffMs: number;
  nextAt: number; // next start attempt (waiting)
  crashAt?: number; // running -> crash
  finishAt?: number; // running -> completed (init containers, Job pods)
  readyAt?: number;
  recheckAt?: number; // running, retrying its dependency (AppOutcome.retry) -> check again
  retryUntil?: number; // ... and give up (crash) after this
}

export interface PodRuntime {
  uid: string;
  mounted: boolean;
  createdAt: number;
  podIP: string;
  init: CState[];
  main: CState[];
}

export function newRuntime(pod: KObject, podIP: string): PodRuntime {
  const hasInit = asMaps(getPath(pod, "spec.initContainers")).length > 0;
  const mk = (c: JsonMap, init: boolean): CState => ({
    name: asString(c.name) ?? "",
    image: asString(c.image) ?? "",
    init,
    phase: "waiting",
    reason: init || hasInit ? "PodInitializing" : "ContainerCreating",
    restarts: 0,
    ready: false,
    backoffMs: 10_000,
    nextAt: 0,
  });
  return {
    uid: pod.metadata.uid ?? "",
    mounted: false,
    createdAt: Date.now(),
    podIP,
    init: asMaps(getPath(pod, "spec.initContainers")).map((c) => mk(c, true)),
    main: asMaps(getPath(pod, "spec.containers")).map((c) => mk(c, false)),
  };
}

function containerStatus(c: CState, pod: KObject): JsonMap {
  let state: JsonMap;
  if (c.phase === "running") state = { running: { startedAt: c.startedAt } };
  else if (c.phase === "terminated")
    state = {
      terminated: {
        exitCode: c.exitCode ?? 0,
        reason: c.reason ?? "Completed",
        startedAt: c.startedAt,
        finishedAt: c.finishedAt,
        containerID: containerId(pod, c),
      },
    };
  else state = { waiting: { reason: c.reason ?? "ContainerCreating", ...(c.message ? { message: c.message } : {}) } };
  const started = c.phase === "running";
  return {
    name: c.name,
    image: c.image,
    imageID:
      c.phase === "waiting" && c.restarts === 0
        ? ""
        : `${c.image.split(":")[0]}@sha256:${templateHash(c.image).padEnd(64, "0").slice(0, 64)}`,
    ...(c.phase !== "waiting" || c.restarts > 0 ? { containerID: containerId(pod, c) } : {}),
    ready: c.ready,
    restartCount: c.restarts,
    started,
    state,
    lastState: c.lastTerminated ? { terminated: c.lastTerminated } : {},
  };
}

function containerId(pod: KObject, c: CState): string {
  return `containerd://${templateHash(`${pod.metadata.uid}/${c.name}/${c.restarts}`).repeat(7).slice(0, 64)}`;
}

/** Full pod status from the runtime (conditions keep their transition times when unchanged). */
export function composeStatus(pod: KObject, rt: PodRuntime, restartPolicy: string): JsonMap {
  const prev = asMaps(getPath(pod, "status.conditions"));
  const initDone = rt.init.every((c) => c.phase === "terminated" && c.exitCode === 0);
  const allReady = rt.main.length > 0 && rt.main.every((c) => c.ready);
  const anyRunning = rt.main.some((c) => c.phase === "running");
  const allTerminated = rt.main.length > 0 && rt.main.every((c) => c.phase === "terminated");
  let phase = "Pending";
  if (allTerminated && restartPolicy !== "Always")
    phase = rt.main.every((c) => c.exitCode === 0) ? "Succeeded" : "Failed";
  else if (initDone && (anyRunning || rt.main.some((c) => c.restarts > 0 || c.phase === "terminated")))
    phase = "Running";
  const cond = (type: string, ok: boolean, reason?: string): JsonMap => {
    const status = ok ? "True" : "False";
    const old = prev.find((c) => c.type === type);
    return {
      type,
      status,
      lastProbeTime: null,
      lastTransitionTime: old && old.status === status ? old.lastTransitionTime : nowTime(),
      ...(reason && !ok ? { reason } : {}),
    };
  };
  const succeeded = phase === "Succeeded";
  const conditions = [
    cond("PodReadyToStartContainers", rt.mounted),
    cond("Initialized", initDone, "ContainersNotInitialized"),
    cond("Ready", allReady && !succeeded, succeeded ? "PodCompleted" : "ContainersNotReady"),
    cond("ContainersReady", allReady && !succeeded, succeeded ? "PodCompleted" : "ContainersNotReady"),
    cond("PodScheduled", true),
  ];
  const node = asString(getPath(pod, "spec.nodeName")) ?? "demo-worker";
  const status: JsonMap = {
    phase,
    conditions,
    hostIP: nodeIp(node),
    hostIPs: [{ ip: nodeIp(node) }],
    podIP: rt.podIP,
    podIPs: [{ ip: rt.podIP }],
    startTime: asString(getPath(pod, "status.startTime")) ?? nowTime(new Date(rt.createdAt)),
    qosClass: "BestEffort",
    containerStatuses: rt.main.map((c) => containerStatus(c, pod)),
  };
  if (rt.init.length) status.initContainerStatuses = rt.init.map((c) => containerStatus(c, pod));
  return status;
}

/** Rebuilds a runtime for a pod that is already running (loaded settled, or after a simulation restart). */
export function runtimeFromStatus(pod: KObject): PodRuntime | undefined {
  const statuses = asMaps(getPath(pod, "status.containerStatuses"));
  if (asString(getPath(pod, "status.phase")) !== "Running" || statuses.length === 0) return undefined;
  const rt = newRuntime(pod, asString(getPath(pod, "status.podIP")) ?? "10.244.0.10");
  rt.mounted = true;
  for (const c of rt.init) {
    c.phase = "terminated";
    c.exitCode = 0;
    c.reason = "Completed";
  }
  for (const c of rt.main) {
    const s = statuses.find((x) => x.name === c.name);
    const running = asString(getPath(s, "state.running.startedAt"));
    if (!s || !running) return undefined;
    c.phase = "running";
    c.startedAt = running;
    c.ready = s.ready === true;
    c.restarts = typeof s.restartCount === "number" ? s.restartCount : 0;
  }
  return rt;
}
