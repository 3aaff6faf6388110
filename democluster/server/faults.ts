// Injected faults for the Kubernetes API (never for /__demo): latency, a random error rate, dropping every open
// watch, and a full outage for N seconds (connections reset, or 503 when outageMode is "503").
export interface FaultSettings {
  latencyMs?: number;
  errorRate?: number;
  errorCode?: 429 | 500 | 503;
  outageSeconds?: number;
  outageMode?: "reset" | "503";
}

export interface FaultState {
  latencyMs: number;
  errorRate: number;
  errorCode: 429 | 500 | 503;
  outageUntil: string | null;
  outageMode: "reset" | "503";
}

export class Faults {
  private latencyMs = 0;
  private errorRate = 0;
  private errorCode: 429 | 500 | 503 = 500;
  private outageUntil = 0;
  private outageMode: "reset" | "503" = "reset";

  constructor(private readonly dropWatches: () => void) {}

  apply(settings: FaultSettings & { dropWatchesNow?: boolean }): void {
    if (settings.latencyMs !== undefined) this.latencyMs = settings.latencyMs;
    if (settings.errorRate !== undefined) this.errorRate = settings.errorRate;
    if (settings.errorCode !== undefined) this.errorCode = settings.errorCode;
    if (settings.outageMode !== undefined) this.outageMode = settings.outageMode;
    if (settings.outageSeconds !== undefined) {
      this.outageUntil = Date.now() + settings.outageSeconds * 1000;
      if (settings.outageSeconds > 0) this.dropWatches();
    }
    if (settings.dropWatchesNow) this.dropWatches();
  }

  clear(): void {
    this.latencyMs = 0;
    this.errorRate = 0;
    this.errorCode = 500;
    this.outageUntil = 0;
    this.outageMode = "reset";
  }

  inOutage(): "reset" | "503" | undefined {
    return Date.now() < this.outageUntil ? this.outageMode : undefined;
  }

  outageRemainingSeconds(): number {
    return Math.max(0, Math.ceil((this.outageUntil - Date.now()) / 1000));
  }

  latency(): number {
    return this.latencyMs;
  }

  /** The error code to inject for this request, if the dice say so. */
  injectedError(): 429 | 500 | 503 | undefined {
    return this.errorRate > 0 && Math.random() < this.errorRate ? this.errorCode : undefined;
  }

  state(): FaultState {
    return {
      latencyMs: this.latencyMs,
      errorRate: this.errorRate,
      errorCode: this.errorCode,
      outageUntil: this.outageUntil > Date.now() ? new Date(this.outageUntil).toISOString() : null,
      outageMode: this.outageMode,
    };
  }
}
