// Status blocks of objects that have been reconciled long ago (used by generators to create a settled cluster
// without running any controller): the same shapes the controllers write.
import type { KObject } from "../store/types";
import type { JsonMap } from "../sim/objects";
import { nowTime } from "../sim/objects";
import type { Condition } from "../sim/conditions";

function cond(type: string, reason: string, message: string, observedGeneration?: number): Condition {
  return {
    type,
    status: "True",
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    lastTransitionTime: nowTime(),
    reason,
    message,
  };
}

export function fluxReady(reason: string, message: string, extra: Condition[] = []): JsonMap {
  return { observedGeneration: 1, conditions: [cond("Ready", reason, message, 1), ...extra] };
}

export function artifactStatus(reason: string, message: string, artifact: JsonMap, extra: JsonMap = {}): JsonMap {
  return { ...fluxReady(reason, message, [cond("ArtifactInStorage", reason, message, 1)]), artifact, ...extra };
}

export function deploymentStatus(replicas: number, hash: string, name: string): JsonMap {
  return {
    observedGeneration: 1,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    conditions: [
      {
        ...cond("Available", "MinimumReplicasAvailable", "Deployment has minimum availability."),
        lastUpdateTime: nowTime(),
      },
      {
        ...cond("Progressing", "NewReplicaSetAvailable", `ReplicaSet "${name}-${hash}" has successfully progressed.`),
        lastUpdateTime: nowTime(),
      },
    ],
  };
}

export function statefulSetStatus(replicas: number, revision: string): JsonMap {
  return {
    observedGeneration: 1,
    replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    currentReplicas: replicas,
    updatedReplicas: replicas,
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  };
}

export function runningPodStatus(pod: KObject, podIP: string, startedAt: string): JsonMap {
  const containers = ((pod.spec as JsonMap | undefined)?.containers as JsonMap[] | undefined) ?? [];
  const podCond = (type: string): JsonMap => ({
    type,
    status: "True",
    lastProbeTime: null,
    lastTransitionTime: startedAt,
  });
  return {
    phase: "Running",
    conditions: ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"].map(podCond),
    hostIP: "172.18.0.3",
    hostIPs: [{ ip: "172.18.0.3" }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: startedAt,
    qosClass: "BestEffort",
    containerStatuses: containers.map((c) => ({
      name: c.name,
      image: c.image,
      imageID: `${String(c.image).split(":")[0]}@sha256:${"0".repeat(64)}`,
      containerID: `containerd://${"a".repeat(64)}`,
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt } },
      lastState: {},
    })),
  };
}

export function externalSecretStatus(target: string, syncedResourceVersion: string): JsonMap {
  return {
    binding: { name: target },
    conditions: [
      {
        type: "Ready",
        status: "True",
        lastTransitionTime: nowTime(),
        reason: "SecretSynced",
        message: "secret synced",
      },
    ],
    refreshTime: nowTime(),
    syncedResourceVersion,
  };
}
