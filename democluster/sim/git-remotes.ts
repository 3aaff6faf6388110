// The "remote" side of Git/OCI sources: the head revision each source would fetch. pushGitRevision moves it.
import type { Rng } from "./random";

export interface RemoteHead {
  revision: string;
  message: string;
}

const COMMIT_MESSAGES = [
  "Bump airflow chart to 1.18.0",
  "Update scheduler resources",
  "Add data-platform namespace",
  "chore(deps): update helm release grafana",
  "Tune git-sync period",
  "Enable remote logging to S3",
  "Rotate onepassword connect token reference",
  "Refactor infrastructure kustomizations",
];

export class GitRemotes {
  private readonly heads = new Map<string, RemoteHead>();

  constructor(private readonly rng: Rng) {}

  /** Current head for a source; created on first use from the branch/tag the source follows. */
  head(key: string, refName: string, kind: "git" | "oci"): RemoteHead {
    let head = this.heads.get(key);
    if (!head) {
      head = { revision: this.newRevision(refName, kind), message: this.rng.pick(COMMIT_MESSAGES) };
      this.heads.set(key, head);
    }
    return head;
  }

  peek(key: string): RemoteHead | undefined {
    return this.heads.get(key);
  }

  /** Moves the head; `revision` may be a full revision ("main@sha1:…"), a bare sha, or omitted (random). */
  push(key: string, refName: string, kind: "git" | "oci", revision?: string, message?: string): string {
    let rev: string;
    if (!revision) rev = this.newRevision(refName, kind);
    else if (revision.includes("@") || revision.includes(":")) rev = revision;
    else rev = kind === "git" ? `${refName}@sha1:${revision}` : `${refName}@sha256:${revision}`;
    this.heads.set(key, { revision: rev, message: message ?? this.rng.pick(COMMIT_MESSAGES) });
    return rev;
  }

  all(): Record<string, string> {
    return Object.fromEntries([...this.heads.entries()].map(([k, v]) => [k, v.revision]));
  }

  private newRevision(refName: string, kind: "git" | "oci"): string {
    return kind === "git" ? `${refName}@sha1:${this.rng.hex(40)}` : `${refName}@sha256:${this.rng.hex(64)}`;
  }
}
