// GET /api/v1/namespaces/{ns}/pods/{name}/log: lines from the Simulation's log source. Supports container,
// tailLines, timestamps and follow=true (chunked text until the client goes away or the pod is deleted).
import { badRequest, notFound } from "../store/errors";
import { isPlainObject } from "../store/object-utils";
import type { ResourceRequest } from "./context";
import type { WatchOwner } from "./watch";

const TIMESTAMP_PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))\s/;

function formatLine(line: string, timestamps: boolean): string {
  const m = TIMESTAMP_PREFIX.exec(line);
  if (timestamps) return m ? line : `${new Date().toISOString()} ${line}`;
  return m ? line.slice(m[0].length) : line;
}

function containerNames(pod: { spec?: unknown }): string[] {
  const spec = pod.spec;
  if (!isPlainObject(spec) || !Array.isArray(spec.containers)) return [];
  return spec.containers
    .map((c) => (isPlainObject(c) && typeof c.name === "string" ? c.name : ""))
    .filter((n) => n !== "");
}

export function handlePodLog(ctx: ResourceRequest): void {
  const name = ctx.name as string;
  const namespace = ctx.namespace as string;
  const pod = ctx.deps.store.getEntry(ctx.rt, namespace, name);
  if (!pod) throw notFound(ctx.rt, name);
  const params = ctx.url.searchParams;
  const names = containerNames(pod.obj);
  let container = params.get("container") ?? undefined;
  if (!container) {
    if (names.length > 1)
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
    container = names[0] ?? "";
  } else if (names.length > 0 && !names.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  }
  const timestamps = params.get("timestamps") === "true";
  const follow = params.get("follow") === "true";
  const tailParam = params.get("tailLines");
  const tail = tailParam !== null ? Number(tailParam) : undefined;
  if (tail !== undefined && (!Number.isInteger(tail) || tail < 0)) throw badRequest(`invalid tailLines "${tailParam}"`);

  const source = ctx.deps.simulation()?.logs;
  let lines = source?.lines(namespace, name, container) ?? [];
  if (tail !== undefined) lines = tail === 0 ? [] : lines.slice(-tail);
  const res = ctx.res;
  res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache, private" });
  res.socket?.setNoDelay(true);
  for (const line of lines) res.write(`${formatLine(line, timestamps)}\n`);
  if (!follow || !source) {
    res.end();
    return;
  }
  res.flushHeaders();
  const stopFollow = source.follow(namespace, name, container, (line) =>
    res.write(`${formatLine(line, timestamps)}\n`),
  );
  const podUid = pod.obj.metadata.uid;
  const stopWatch = ctx.deps.store.subscribeRaw((ev) => {
    if (ev.type === "DELETED" && ev.resource === ctx.rt && ev.entry.obj.metadata.uid === podUid) close();
  });
  let closed = false;
  const owner: WatchOwner = { user: ctx.identity.authenticated.user, resource: "pods/log", namespace };
  if (ctx.identity.impersonated) owner.impersonatedUser = ctx.identity.effective.user;
  const unregister = ctx.deps.watches.add(() => close(), owner);
  function close(): void {
    if (closed) return;
    closed = true;
    stopFollow();
    stopWatch();
    unregister();
    if (!res.writableEnded) res.end();
  }
  ctx.req.on("close", close);
  res.on("close", close);
}
