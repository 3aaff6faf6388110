// The masker of one pod's log: the values of every Secret the pod reads, kept current while a log is followed.
// - Opening it reads each referenced Secret; one that cannot be read (forbidden, unreachable — or missing while
//   the pod requires it: its values may be in the pod's environment) refuses the log with a LogMaskingError.
// - Before a line goes out, the Secrets' current resourceVersions (from the watch cache) are compared with the ones
//   read; a changed Secret is read again and its new values are added (old ones stay masked: the pod may still
//   print them). A Secret that cannot be read any more ends the follow with the error.
// The Kubernetes reads are injected (MaskerIO), so this module holds the logic and does no I/O of its own.
import { maskedForms, secretMasker, type SecretReference } from "./secret-masking";

export type SecretRead = { found: true; resourceVersion: string; values: string[] } | { found: false };

export interface MaskerIO {
  /** Reads a Secret with its decoded values; throws when it cannot be read (not for a missing one). */
  read(name: string): Promise<SecretRead>;
  /** The resourceVersion the watch cache holds for the Secret now (null: not in the cache; undefined: unknown). */
  currentVersion(name: string): string | null | undefined;
}

export class LogMaskingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LogMaskingError";
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class LiveSecretMasker {
  private readonly versions = new Map<string, string | null>();
  private readonly values = new Set<string>();
  private masker: (line: string) => string = (line) => line;

  private constructor(
    private readonly pod: string,
    private readonly refs: SecretReference[],
    private readonly io: MaskerIO,
  ) {}

  /** Reads every referenced Secret; rejects with LogMaskingError naming the first that cannot be read. */
  static async open(pod: string, refs: SecretReference[], io: MaskerIO): Promise<LiveSecretMasker> {
    const m = new LiveSecretMasker(pod, refs, io);
    for (const ref of refs) await m.load(ref, true);
    m.rebuild();
    return m;
  }

  private async load(ref: SecretReference, opening: boolean): Promise<void> {
    let got: SecretRead;
    try {
      got = await this.io.read(ref.name);
    } catch (err) {
      throw new LogMaskingError(`The log of pod ${this.pod} is not shown: Secret ${ref.name}, which the pod reads, could not be read to mask its values (${errorText(err)})`);
    }
    if (!got.found) {
      // A missing optional Secret gave the pod nothing. A required one that is gone when the log opens may have
      // been read by the pod before it was deleted: its values are unknown, so nothing could be masked. Once the
      // log is open the values read before stay masked.
      if (opening && !ref.optional) {
        throw new LogMaskingError(`The log of pod ${this.pod} is not shown: Secret ${ref.name}, which the pod reads, does not exist (any more), so the values the pod may hold cannot be masked`);
      }
      this.versions.set(ref.name, null);
      return;
    }
    this.versions.set(ref.name, got.resourceVersion);
    for (const v of got.values) this.values.add(v);
  }

  private rebuild(): void {
    this.masker = secretMasker(maskedForms([...this.values]));
  }

  /** The Secrets whose watched resourceVersion differs from the one whose values are loaded. */
  changed(): SecretReference[] {
    return this.refs.filter((r) => {
      const now = this.io.currentVersion(r.name);
      return now !== undefined && now !== this.versions.get(r.name);
    });
  }

  /** Reads the changed Secrets again (values are only ever added). Rejects with LogMaskingError. */
  async refresh(): Promise<void> {
    const changed = this.changed();
    if (!changed.length) return;
    for (const ref of changed) await this.load(ref, false);
    this.rebuild();
  }

  mask(line: string): string {
    return this.masker(line);
  }

  /** Masks a line with the Secrets as they are now. */
  async maskCurrent(line: string): Promise<string> {
    await this.refresh();
    return this.mask(line);
  }
}
