// Contract between the demo cluster's HTTP layer (democluster/server/, democluster/main.ts) and the simulated
// controllers (democluster/controllers/, democluster/scenarios/). Implemented by democluster/sim/simulation.ts.
import type { KObject, Store } from "../store/types";

export interface SimFilter {
  kind?: string; // e.g. "HelmRelease"; undefined = every kind
  namespace?: string; // undefined = every namespace
}

export interface PodLogSource {
  /** Lines already written (newest last), each without trailing newline, optionally prefixed by an RFC3339 time. */
  lines(namespace: string, pod: string, container: string): string[] | undefined;
  /** Called for every new line; returns unsubscribe. */
  follow(namespace: string, pod: string, container: string, onLine: (line: string) => void): () => void;
}

export interface Simulation {
  readonly logs: PodLogSource;
  /** Advance a GitRepository/OCIRepository to a new revision (random sha when omitted). Returns the revision. */
  pushGitRevision(namespace: string, name: string, revision?: string): string;
  /** Create or replace fields of an item in the fake vault behind a (Cluster)SecretStore. */
  vaultSet(storeName: string, item: string, fields: Record<string, string>): void;
  /** Delete a vault item, or one field of it. */
  vaultDelete(storeName: string, item: string, field?: string): void;
  /** Optional: make a fake vault (un)reachable; its stores turn Ready=False InvalidProviderConfig while down. */
  setVaultReachable?(storeName: string, reachable: boolean): void;
  /** Optional: replace the manifests a Kustomization's source "contains" (applied at its next reconcile). */
  setKustomizationContents?(namespace: string, name: string, manifests: KObject[]): void;
  /** Optional: create or change a user of a simulated external database (Airflow pods with a wrong password crash). */
  databaseSetPassword?(host: string, user: string, password: string): void;
  /** Optional: set the Fernet key a simulated database's data is encrypted with (pods that cannot decrypt crash). */
  databaseSetFernetKey?(host: string, key: string): void;
  /** Hold controllers (all, or per kind/namespace) so tests can freeze an object in a state. */
  pause(filter?: SimFilter): void;
  resume(filter?: SimFilter): void;
  /** 1 = realistic delays; 0.1 = ten times faster. */
  setTimeScale(scale: number): void;
  /** Summary for /__demo/state (no secret values). */
  describe(): Record<string, unknown>;
  stop(): Promise<void>;
}

export interface SimulationOptions {
  scenario: string; // "airflow" | "incidents" | "large" | "empty"
  params?: Record<string, string>; // e.g. large: namespaces=50,releases=100,pods=4
  timeScale?: number;
}

export type StartSimulation = (store: Store, options: SimulationOptions) => Promise<Simulation>;
