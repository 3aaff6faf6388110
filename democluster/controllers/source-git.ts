// source-controller for GitRepository and OCIRepository: fetch the remote head into status.artifact, honour
// requestedAt/suspend/interval, and simulate fetch failures (fault "fetch-failed": the first fetch works, later
// ones fail and the old artifact is kept, so the source goes stale).
import type { KObject, ResourceKey, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { hasFault } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asString, getPath, objKey, specOf, statusOf } from "../sim/objects";
import { removeCondition } from "../sim/conditions";
import { ensureFinalizer, FLUX_FINALIZER, ReconcileLoop, removeFinalizer } from "./controller";
import {
  fluxCondition,
  intervalMs,
  isSuspended,
  markHandled,
  markReady,
  markReconciling,
  wantsReconcile,
} from "./flux-common";
import { makeArtifact, revisionDigest, type Artifact } from "./source-artifact";

type SourceKind = "GitRepository" | "OCIRepository";

export class GitSourceController extends ReconcileLoop {
  private readonly fetching = new Set<string>();
  private readonly staled = new Set<string>();

  constructor(ctx: SimContext, kind: SourceKind) {
    super(ctx, "source-controller", kind, kind === "GitRepository" ? R.gitrepositories : R.ocirepositories);
  }

  private get remoteKind(): "git" | "oci" {
    return this.kind === "GitRepository" ? "git" : "oci";
  }

  onEvent(event: StoreEvent): void {
    if (!this.is(event) || event.type === "DELETED") return;
    if (wantsReconcile(event.object)) this.enqueueObj(event.object, this.ctx.delay(200, 500));
  }

  start(): void {
    for (const obj of this.ctx.store.list(this.key)) {
      this.enqueueObj(
        obj,
        wantsReconcile(obj) || !statusOf(obj).artifact ? this.ctx.delay(200, 600) : intervalMs(obj, 60_000),
      );
    }
  }

  /** A push moves the remote head; fetch soon (as if a webhook Receiver were configured). */
  push(namespace: string, name: string, revision?: string): string {
    const obj = this.get(namespace, name);
    if (!obj) throw new Error(`${this.kind} ${namespace}/${name} not found`);
    const rev = this.ctx.git.push(
      `${this.kind}/${objKey(namespace, name)}`,
      refName(obj, this.remoteKind),
      this.remoteKind,
      revision,
    );
    this.enqueue(namespace, name, this.ctx.delay(300, 800));
    return rev;
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const obj = this.get(namespace, name);
    if (!obj) return;
    const ns = namespace ?? "";
    if (obj.metadata.deletionTimestamp) {
      if (!hasFault(obj, "stuck-finalizer")) this.writeMain(ns, name, (o) => removeFinalizer(o, FLUX_FINALIZER));
      return;
    }
    if (!(obj.metadata.finalizers ?? []).includes(FLUX_FINALIZER))
      this.writeMain(ns, name, (o) => void ensureFinalizer(o, FLUX_FINALIZER));
    if (isSuspended(obj)) return;

    const remoteKey = `${this.kind}/${objKey(ns, name)}`;
    const head = this.ctx.git.head(remoteKey, refName(obj, this.remoteKind), this.remoteKind);
    const artifact = asMap(statusOf(obj).artifact) as Artifact | undefined;
    const id = objKey(ns, name);
    const interval = intervalMs(obj, 60_000);

    if (artifact && hasFault(obj, "fetch-failed")) {
      if (!this.staled.has(id) && head.revision === artifact.revision) {
        this.staled.add(id);
        this.ctx.git.push(remoteKey, refName(obj, this.remoteKind), this.remoteKind);
      }
      const { reason, message } = this.fetchError(obj);
      this.writeStatus(ns, name, (st) => {
        fluxCondition(st, obj, "FetchFailed", "True", reason, message);
        fluxCondition(st, obj, "Ready", "False", reason, message);
        removeCondition(st, "Reconciling");
        markHandled(st, obj);
      });
      this.ctx.events.record(obj, "Warning", reason, message, this.name);
      this.enqueue(ns, name, interval);
      return;
    }

    const upToDate = artifact?.revision === head.revision;
    if (!upToDate && !this.fetching.has(id)) {
      this.fetching.add(id);
      this.writeStatus(ns, name, (st) =>
        markReconciling(st, obj, `building artifact: new upstream revision '${head.revision}'`),
      );
      this.enqueue(ns, name, this.ctx.delay(700, 1400));
      return;
    }
    this.fetching.delete(id);
    const fresh = upToDate && artifact ? artifact : this.artifactFor(ns, name, head.revision);
    const msg =
      this.kind === "GitRepository"
        ? `stored artifact for revision '${head.revision}'`
        : `stored artifact for digest '${head.revision}'`;
    this.writeStatus(ns, name, (st) => {
      st.artifact = fresh;
      fluxCondition(st, obj, "ArtifactInStorage", "True", "Succeeded", msg);
      removeCondition(st, "FetchFailed");
      markReady(st, obj, "Succeeded", msg);
      markHandled(st, obj);
      if (this.kind === "OCIRepository") st.url = asString(getPath(obj, "spec.url"));
    });
    if (!upToDate) {
      const note =
        this.kind === "GitRepository"
          ? `stored artifact for commit '${head.message}'`
          : `stored artifact with revision '${head.revision}' from '${asString(specOf(obj).url) ?? ""}'`;
      this.ctx.events.record(obj, "Normal", "NewArtifact", note, this.name);
    }
    this.enqueue(ns, name, interval);
  }

  private artifactFor(namespace: string, name: string, revision: string): Artifact {
    const kindPath = this.kind === "GitRepository" ? "gitrepository" : "ocirepository";
    return makeArtifact(kindPath, namespace, name, revision, `${revisionDigest(revision)}.tar.gz`);
  }

  private fetchError(obj: KObject): { reason: string; message: string } {
    const url = asString(specOf(obj).url) ?? "";
    if (this.kind === "GitRepository") {
      const how =
        url.startsWith("ssh://") || url.includes("@")
          ? "ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain"
          : "authentication required: Invalid username or token. Password authentication is not supported for Git operations.";
      return {
        reason: "GitOperationFailed",
        message: `failed to checkout and determine revision: unable to clone '${url}': ${how}`,
      };
    }
    return {
      reason: "OCIArtifactPullFailed",
      message: `failed to determine artifact digest: GET ${url.replace("oci://", "https://")}: UNAUTHORIZED: authentication required`,
    };
  }
}

export function refName(obj: KObject, kind: "git" | "oci"): string {
  const ref = asMap(specOf(obj).ref) ?? {};
  if (kind === "oci") return asString(ref.tag) ?? asString(ref.semver) ?? "latest";
  return asString(ref.branch) ?? asString(ref.tag) ?? asString(ref.name)?.replace(/^refs\/heads\//, "") ?? "master";
}

export function isSourceKey(key: ResourceKey): boolean {
  return key.group === R.gitrepositories.group;
}
