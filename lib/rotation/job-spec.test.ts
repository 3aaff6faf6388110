import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { alterRoleJob, fernetJob } from "./job-spec";

const scheduler: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "airflow-scheduler", namespace: "airflow" },
  spec: {
    template: {
      spec: {
        serviceAccountName: "airflow-scheduler",
        securityContext: { runAsUser: 50000 },
        volumes: [{ name: "config", configMap: { name: "airflow-config" } }, { name: "logs", emptyDir: {} }, { name: "dags", emptyDir: {} }],
        containers: [
          {
            name: "scheduler",
            image: "apache/airflow:3.0.2",
            args: ["bash", "-c", "exec airflow scheduler"],
            env: [{ name: "AIRFLOW__CORE__FERNET_KEY", valueFrom: { secretKeyRef: { name: "airflow-fernet-key", key: "fernet-key" } } }],
            volumeMounts: [{ name: "config", mountPath: "/opt/airflow/airflow.cfg", subPath: "airflow.cfg" }],
            livenessProbe: { exec: { command: ["true"] } },
          },
          { name: "git-sync", image: "registry.k8s.io/git-sync/git-sync:v4.4.0" },
        ],
      },
    },
  },
};

describe("rotation Jobs", () => {
  it("runs rotate-fernet-key with the scheduler's image, env and only the volumes it mounts", () => {
    const job = fernetJob({ name: "rotate", namespace: "airflow", rotationId: "r1", workload: scheduler, container: "scheduler" });
    const pod = (job.spec?.template as { spec: Record<string, unknown> }).spec;
    expect(pod.restartPolicy).toBe("Never");
    expect(pod.serviceAccountName).toBe("airflow-scheduler");
    expect(pod.volumes).toEqual([{ name: "config", configMap: { name: "airflow-config" } }]);
    const [c] = pod.containers as Record<string, unknown>[];
    expect(c).toMatchObject({ name: "rotate-fernet-key", image: "apache/airflow:3.0.2", args: ["bash", "-c", "exec airflow rotate-fernet-key"] });
    expect(c.livenessProbe).toBeUndefined();
    expect(job.spec?.backoffLimit).toBe(0);
    expect(job.metadata.labels?.["fluxtower.dev/rotation-id"]).toBe("r1");
  });

  it("runs ALTER ROLE with the current credentials and the new password by reference only", () => {
    const job = alterRoleJob({ name: "alter", namespace: "airflow", rotationId: "r1", workload: scheduler, container: "scheduler", connectionSecret: "airflow-metadata", connectionKey: "connection", stagedSecret: "staged", role: "airflow" });
    const [c] = ((job.spec?.template as { spec: Record<string, unknown> }).spec.containers as Record<string, unknown>[]);
    expect(c.env).toEqual([
      { name: "DB_URL", valueFrom: { secretKeyRef: { name: "airflow-metadata", key: "connection" } } },
      { name: "NEW_PASSWORD", valueFrom: { secretKeyRef: { name: "staged", key: "password" } } },
    ]);
    const script = (c.args as string[])[2];
    expect(script).toContain('ALTER ROLE \\"airflow\\" PASSWORD \'$NEW_PASSWORD\'');
    expect(script).toContain('"$DB_URL"');
  });
});
