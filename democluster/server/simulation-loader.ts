// Loads democluster/sim/simulation.ts (built by the simulation side) lazily, so the API server works before
// and without it: a missing module means "no simulation" (with a warning); any other failure is an error.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { StartSimulation } from "../sim/types";

const SIM_MODULE = path.resolve(__dirname, "../sim/simulation.ts");

export async function loadStartSimulation(): Promise<StartSimulation | undefined> {
  const candidates = [SIM_MODULE, SIM_MODULE.replace(/\.ts$/, ".js")];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) {
    console.warn(
      `democluster: ${path.relative(process.cwd(), SIM_MODULE)} not found; starting without a simulation (no objects seeded)`,
    );
    return undefined;
  }
  const mod = (await import(pathToFileURL(file).href)) as {
    startSimulation?: unknown;
    default?: { startSimulation?: unknown };
  };
  const start = mod.startSimulation ?? mod.default?.startSimulation;
  if (typeof start !== "function") throw new Error(`${file} does not export startSimulation`);
  return start as StartSimulation;
}
