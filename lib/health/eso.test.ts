import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { NOW } from "./fixtures/clock";
import * as eso from "./fixtures/eso";
import { secretFernetKey, secretMetadataStale, secretPlain } from "./fixtures/secrets";
import { healthOf, type HealthContext, type Verdict } from "./index";

type Expect = Partial<Omit<Verdict, "extra">> & { extraIncludes?: string[] };

const cases: Array<[string, KubeObject, Expect]> = [
  [
    "ExternalSecret SecretSyncedError",
    eso.externalSecretSyncError,
    {
      status: "Degraded",
      reason: "SecretSyncedError",
      message: "could not get secret data from provider",
      extraIncludes: ["never synced successfully"],
    },
  ],
  [
    "ExternalSecret synced",
    eso.externalSecretSynced,
    { status: "Healthy", reason: "SecretSynced", message: "secret synced" },
  ],
  [
    // ESO `markAsDone` sets Ready=True with reason SecretMissing when creationPolicy is Merge and the target is
    // absent (DOMAIN.md §7.5): nothing is written, so it is not green (issue 19 fact 13, DESIGN.md §3).
    "ExternalSecret Ready=True SecretMissing (creationPolicy Merge) is Degraded: the Secret does not exist",
    eso.externalSecretMergeMissing,
    {
      status: "Degraded",
      reason: "SecretMissing",
      message:
        "target Secret airflow-extra-env does not exist and ESO will not create it (creationPolicy Merge): anything reading airflow-extra-env fails",
    },
  ],
  [
    "ExternalSecret without conditions is Progressing",
    eso.externalSecretNew,
    { status: "Progressing", reason: "WaitingForSync", message: "waiting for the first sync" },
  ],
  [
    "ClusterSecretStore Valid",
    eso.clusterSecretStoreValid,
    { status: "Healthy", reason: "Valid", message: "store validated", extraIncludes: ["capabilities: ReadOnly"] },
  ],
  [
    "SecretStore InvalidProviderConfig",
    eso.secretStoreInvalid,
    { status: "Degraded", reason: "InvalidProviderConfig", message: "unable to validate store" },
  ],
  [
    "SecretStore Ready=True ValidationUnknown is still Healthy",
    eso.secretStoreValidationUnknown,
    {
      status: "Healthy",
      reason: "ValidationUnknown",
      message: "could not determine validation status",
      extraIncludes: ["store validation status unknown: the provider could not be checked"],
    },
  ],
  [
    "ClusterExternalSecret failing in one namespace",
    eso.clusterExternalSecretPartial,
    {
      status: "Degraded",
      reason: "NotReady",
      message: "one or more namespaces failed",
      extraIncludes: ["failed in 1 namespace: data-platform", "provisioned in 2 namespaces"],
    },
  ],
];

describe("healthOf: ESO kinds", () => {
  it.each(cases)("%s", (_n, obj, want) => {
    const got = healthOf(obj, { now: NOW });
    const { extraIncludes, ...exact } = want;
    expect(got).toMatchObject(exact);
    for (const l of extraIncludes ?? []) expect(got.extra ?? []).toContain(l);
  });

  it("ESO kinds have no staleness rule (no observedGeneration)", () => {
    const obj: KubeObject = {
      ...eso.externalSecretSynced,
      metadata: { ...eso.externalSecretSynced.metadata, generation: 7 },
    };
    expect(healthOf(obj)).toMatchObject({ status: "Healthy", stale: false });
  });
});

describe("healthOf: Secret takes its ExternalSecret's health", () => {
  const owners: Record<string, KubeObject> = {
    "airflow/airflow-metadata": eso.externalSecretSyncError,
    "airflow/airflow-fernet-key": eso.externalSecretSynced,
  };
  const ctx: HealthContext = { now: NOW, ownerOf: (s) => owners[`${s.metadata.namespace}/${s.metadata.name}`] };

  it.each<[string, KubeObject, Expect]>([
    [
      "Secret owned by a failing ExternalSecret",
      secretMetadataStale,
      {
        status: "Degraded",
        reason: "SecretSyncedError",
        message: "ExternalSecret airflow/airflow-metadata: could not get secret data from provider",
        extraIncludes: ["the Secret still holds the last synced data"],
      },
    ],
    [
      "Secret owned by a synced ExternalSecret",
      secretFernetKey,
      { status: "Healthy", reason: "SecretSynced", message: "synced by ExternalSecret airflow/airflow-fernet-key" },
    ],
    ["plain Secret", secretPlain, { status: "Healthy", reason: "Present", message: "present" }],
  ])("%s", (_n, obj, want) => {
    const got = healthOf(obj, ctx);
    const { extraIncludes, ...exact } = want;
    expect(got).toMatchObject(exact);
    for (const l of extraIncludes ?? []) expect(got.extra ?? []).toContain(l);
  });

  it("a managed-labelled Secret without a known owner is Healthy with a note", () => {
    const got = healthOf(secretMetadataStale, { now: NOW });
    expect(got.status).toBe("Healthy");
    expect(got.extra?.[0]).toContain("no ExternalSecret found");
  });
});
