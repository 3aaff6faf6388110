// Click-to-acknowledged for `reconcile` through the actions API, minus the demo controller's own delay.
//
// Method: one admin watch on every HelmRelease (opened before the first click, from the current resourceVersion)
// timestamps, for each operation's token, (a) the MODIFIED event that carries our requestedAt annotation and
// (b) the first event whose status.lastHandledReconcileAt equals it. (b) − (a) is the time the simulated
// helm-controller took — both stamps come from the same connection on the same clock, so transport cancels out.
// gross = POST /actions sent → the operation's SSE stream delivers acknowledgedAt; net = gross − controller delay.
import { z } from "zod";
import type { AppClient } from "./app-client";
import type { OpenStream } from "./http-client";
import type { KubeClient } from "./kube-client";
import { HELMRELEASES, type Target } from "./measure-api";
import { sleep, summarize, waitFor, type Summary } from "./stats";

const REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";
const OpView = z
  .object({
    id: z.string(),
    state: z.string(),
    token: z.string().nullish(),
    acknowledgedAt: z.string().nullish(),
    steps: z.array(z.object({ token: z.string().nullish() }).loose()).optional(),
  })
  .loose();
type OpView = z.infer<typeof OpView>;
const PostResponse = z.object({ operation: OpView }).loose();
const TERMINAL = new Set(["succeeded", "failed", "timed-out"]);

export interface AckFigures {
  available: true;
  gross: Summary;
  controller: Summary;
  net: Summary;
  post: Summary;
  /** The controller's status write reached our watch → the app stored acknowledgedAt (server clock, same host). */
  tracker: Summary;
  /** acknowledgedAt stored → the operation's SSE stream delivered it (or the stream opened, if later). */
  delivery: Summary;
  missed: number;
  notes: string[];
}

export type AckResult = AckFigures | { available: false; reason: string };

/** The app's JSON errors look like { error: { code, message } }; a missing route answers Next's HTML 404. */
function isApiError(text: string): boolean {
  try {
    return z.object({ error: z.object({ code: z.string() }).loose() }).safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

interface Stamps {
  requested?: number;
  handled?: number;
}

async function currentResourceVersion(kube: KubeClient): Promise<string> {
  const res = await kube.call("GET", `${HELMRELEASES}?limit=1`);
  return z.object({ metadata: z.object({ resourceVersion: z.string() }) }).parse(JSON.parse(res.body.toString("utf8")))
    .metadata.resourceVersion;
}

interface Followed {
  /** Arrival time of the first event, and of the first view that carries acknowledgedAt (performance.now()). */
  firstAt?: number;
  ackAt?: number;
  ackView?: OpView;
  /** The latest view received (kept up to date while the stream is open). */
  last?: OpView;
  stream?: OpenStream;
}

/** Follows the operation's SSE stream until it is acknowledged or finished (or 15 s pass); keeps listening after. */
async function followOperation(app: AppClient, id: string): Promise<Followed> {
  const f: Followed = {};
  f.stream = await app.sse(`/api/v1/operations/${encodeURIComponent(id)}/events`, (m, at) => {
    if (m.event !== "operation") return;
    const op = OpView.safeParse(JSON.parse(m.data));
    if (!op.success) return;
    f.last = op.data;
    f.firstAt ??= at;
    if (f.ackAt === undefined && op.data.acknowledgedAt) {
      f.ackAt = at;
      f.ackView = op.data;
    }
  });
  await waitFor(() => (f.ackAt !== undefined || (f.last && TERMINAL.has(f.last.state)) ? true : undefined), 15_000, 1);
  return f;
}

export async function measureAck(app: AppClient, admin: KubeClient, targets: Target[]): Promise<AckResult> {
  const stamps = new Map<string, Stamps>();
  const stamp = (key: string): Stamps => {
    let s = stamps.get(key);
    if (!s) stamps.set(key, (s = {}));
    return s;
  };
  const watch = await admin.watch(HELMRELEASES, { resourceVersion: await currentResourceVersion(admin) }, (ev, at) => {
    const m = ev.object.metadata;
    const id = `${m.namespace ?? ""}/${m.name ?? ""}`;
    const token = m.annotations?.[REQUESTED_AT];
    if (token) stamp(`${id}|${token}`).requested ??= at;
    const handled = ev.object.status?.lastHandledReconcileAt;
    if (handled) stamp(`${id}|${handled}`).handled ??= at;
  });
  const gross: number[] = [];
  const controller: number[] = [];
  const net: number[] = [];
  const post: number[] = [];
  const tracker: number[] = [];
  const delivery: number[] = [];
  const notes: string[] = [];
  let missed = 0;
  try {
    for (const t of targets) {
      const t0 = performance.now();
      const res = await app.postJson("/api/v1/clusters/demo/actions", {
        action: "reconcile",
        resource: "helmreleases",
        namespace: t.namespace,
        name: t.name,
      });
      if ((res.status === 404 || res.status === 405) && gross.length === 0 && !isApiError(res.body.toString("utf8"))) {
        return {
          available: false,
          reason: `POST /api/v1/clusters/demo/actions answered ${res.status} (no such route)`,
        };
      }
      if (res.status !== 202) {
        missed += 1;
        notes.push(`${t.namespace}/${t.name}: HTTP ${res.status} ${res.body.toString("utf8", 0, 160)}`);
        continue;
      }
      post.push(res.ms);
      const op = PostResponse.parse(JSON.parse(res.body.toString("utf8"))).operation;
      const followed = await followOperation(app, op.id);
      const final = followed.last ?? op;
      const token = final.token ?? final.steps?.at(-1)?.token ?? op.token;
      const key = `${t.namespace}/${t.name}|${token ?? ""}`;
      const s = await waitFor(
        () => {
          const st = stamps.get(key);
          return st?.requested !== undefined && st.handled !== undefined ? st : undefined;
        },
        5000,
        1,
      );
      if (followed.ackAt === undefined || !s || s.requested === undefined || s.handled === undefined) {
        missed += 1;
        notes.push(
          `${t.namespace}/${t.name}: ${followed.ackAt === undefined ? `not acknowledged (state ${final.state})` : "controller stamps missing on the watch"}`,
        );
        followed.stream?.close();
        continue;
      }
      const g = followed.ackAt - t0;
      const c = s.handled - s.requested;
      gross.push(g);
      controller.push(c);
      net.push(g - c);
      const storedAt = Date.parse(followed.ackView?.acknowledgedAt ?? "") - performance.timeOrigin; // → performance.now() scale
      if (Number.isFinite(storedAt)) {
        tracker.push(storedAt - s.handled);
        delivery.push(followed.ackAt - Math.max(storedAt, followed.firstAt ?? storedAt));
      }
      // Let the operation finish so samples do not overlap, then a short pause.
      await waitFor(() => (followed.last && TERMINAL.has(followed.last.state) ? true : undefined), 10_000, 10);
      followed.stream?.close();
      await sleep(100);
    }
  } finally {
    watch.close();
  }
  return {
    available: true,
    gross: summarize(gross),
    controller: summarize(controller),
    net: summarize(net),
    post: summarize(post),
    tracker: summarize(tracker),
    delivery: summarize(delivery),
    missed,
    notes,
  };
}
