import { describe, expect, it } from "vitest";
import { scrub } from "./scrub";

describe("scrub", () => {
  it.each([
    {
      name: "secret data becomes key names only",
      obj: { apiVersion: "v1", kind: "Secret", metadata: { name: "airflow-metadata" }, data: { connection: "cG9zdGdyZXM6Ly8=" }, stringData: { extra: "x" } },
      check: (o: Record<string, unknown>) => {
        expect(o.data).toBeUndefined();
        expect(o.stringData).toBeUndefined();
        expect(o.dataKeys).toEqual(["connection", "extra"]);
        expect(JSON.stringify(o)).not.toContain("cG9zdGdyZXM6Ly8=");
      },
    },
    {
      name: "last-applied and managedFields are dropped, other annotations kept",
      obj: {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: "cm",
          annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{\"data\":{\"p\":\"s3cr3t\"}}", keep: "yes" },
          managedFields: [{ manager: "kubectl" }],
        },
      },
      check: (o: Record<string, unknown>) => {
        const meta = o.metadata as Record<string, unknown>;
        expect(meta.managedFields).toBeUndefined();
        expect(meta.annotations).toEqual({ keep: "yes" });
        expect(JSON.stringify(o)).not.toContain("s3cr3t");
      },
    },
  ])("$name", ({ obj, check }) => {
    const input = structuredClone(obj);
    check(scrub(obj as never) as unknown as Record<string, unknown>);
    expect(obj).toEqual(input); // the input is not mutated
  });
});
