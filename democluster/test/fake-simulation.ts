// A recording Simulation stand-in for the server tests (the real one lives in democluster/sim/).
import type { PodLogSource, SimFilter, Simulation, StartSimulation } from "../sim/types";

export interface FakeSimulation extends Simulation {
  calls: { method: string; args: unknown[] }[];
  emitLog(namespace: string, pod: string, container: string, line: string): void;
  stopped: boolean;
}

export function fakeSimulation(initialLogs: Record<string, string[]> = {}): {
  sim: FakeSimulation;
  start: StartSimulation;
} {
  const logs = new Map<string, string[]>(Object.entries(initialLogs));
  const followers = new Map<string, Set<(line: string) => void>>();
  const calls: FakeSimulation["calls"] = [];
  const key = (ns: string, pod: string, c: string): string => `${ns}/${pod}/${c}`;
  const source: PodLogSource = {
    lines: (ns, pod, c) => logs.get(key(ns, pod, c)),
    follow(ns, pod, c, onLine) {
      const k = key(ns, pod, c);
      let set = followers.get(k);
      if (!set) followers.set(k, (set = new Set()));
      set.add(onLine);
      return () => set.delete(onLine);
    },
  };
  const sim: FakeSimulation = {
    calls,
    stopped: false,
    logs: source,
    emitLog(ns, pod, c, line) {
      const k = key(ns, pod, c);
      logs.set(k, [...(logs.get(k) ?? []), line]);
      for (const f of followers.get(k) ?? []) f(line);
    },
    pushGitRevision(namespace, name, revision) {
      calls.push({ method: "pushGitRevision", args: [namespace, name, revision] });
      return revision ?? "main@sha1:0123456789abcdef0123456789abcdef01234567";
    },
    vaultSet(store, item, fields) {
      calls.push({ method: "vaultSet", args: [store, item, fields] });
    },
    vaultDelete(store, item, field) {
      calls.push({ method: "vaultDelete", args: [store, item, field] });
    },
    pause(filter?: SimFilter) {
      calls.push({ method: "pause", args: [filter] });
    },
    resume(filter?: SimFilter) {
      calls.push({ method: "resume", args: [filter] });
    },
    setTimeScale(scale) {
      calls.push({ method: "setTimeScale", args: [scale] });
    },
    describe() {
      return { fake: true };
    },
    async stop() {
      sim.stopped = true;
    },
  };
  return { sim, start: async () => sim };
}
