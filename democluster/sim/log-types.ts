// Types shared by the log profiles and the pod log source.
import type { Rng } from "./random";

export interface LogContext {
  container: string;
  image: string;
  pod: string;
  namespace: string;
  airflowMajor: number;
  executor: string;
  gitRepo?: string;
  gitRef?: string;
}

export interface LogProfile {
  name: string;
  /** Unscaled ms between periodic lines; 0 = none. */
  periodMs: number;
  startup(ctx: LogContext, t: number): string[];
  periodic(ctx: LogContext, t: number, index: number, rng: Rng): string[];
}
