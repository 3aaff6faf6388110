// GET handlers: get one object, list (selectors, limit/continue, Table output) and watch.
import { entryCopy, entryJson, type Entry } from "../store/entry";
import { notFound, badRequest } from "../store/errors";
import { apiVersionOf } from "../store/write-rules";
import type { ResourceRequest } from "./context";
import { decodeContinue, encodeContinue, objectKey } from "./continue-token";
import { sendJson } from "./respond";
import { combineSelectors, parseFieldSelector, parseLabelSelector, type Selector } from "./selectors";
import { buildTable, parseIncludeObject, wantsTable } from "./table";
import { resourceLabel, serveWatch } from "./watch";

export function isWatchRequest(url: URL): boolean {
  const w = url.searchParams.get("watch");
  return w === "1" || w === "true";
}

function selectorsFrom(ctx: ResourceRequest): Selector | undefined {
  const params = ctx.url.searchParams;
  const byName = ctx.name !== undefined ? parseFieldSelector(`metadata.name=${ctx.name}`) : undefined;
  return combineSelectors(
    parseLabelSelector(params.get("labelSelector")),
    parseFieldSelector(params.get("fieldSelector")),
    byName,
  );
}

export function handleGet(ctx: ResourceRequest): void {
  const name = ctx.name as string;
  const entry = ctx.deps.store.getEntry(ctx.rt, ctx.namespace, name);
  if (!entry) throw notFound(ctx.rt, name);
  if (wantsTable(ctx.req.headers.accept)) {
    const include = parseIncludeObject(ctx.url.searchParams.get("includeObject"));
    sendJson(
      ctx.res,
      200,
      buildTable(ctx.rt, [entryCopy(entry)], { resourceVersion: entry.obj.metadata.resourceVersion }, include),
    );
    return;
  }
  sendJson(ctx.res, 200, entryJson(entry)); // GET .../status returns the whole object too, like the API server
}

export function handleWatch(ctx: ResourceRequest): void {
  const params = ctx.url.searchParams;
  const timeout = params.get("timeoutSeconds");
  const bookmarks = params.get("allowWatchBookmarks");
  const table = wantsTable(ctx.req.headers.accept) ? parseIncludeObject(params.get("includeObject")) : undefined;
  const opts: Parameters<typeof serveWatch>[4] = {
    rt: ctx.rt,
    allowBookmarks: bookmarks === "true" || bookmarks === "1",
  };
  if (ctx.namespace !== undefined) opts.namespace = ctx.namespace;
  const selector = selectorsFrom(ctx);
  if (selector) opts.selector = selector;
  const rv = params.get("resourceVersion");
  if (rv !== null) opts.resourceVersion = rv;
  if (timeout !== null) {
    if (!/^\d+$/.test(timeout)) throw badRequest(`invalid timeoutSeconds "${timeout}"`);
    opts.timeoutSeconds = Number(timeout);
  }
  if (table) opts.table = table;
  if (params.get("sendInitialEvents") === "true") opts.sendInitialEvents = true;
  opts.owner = { user: ctx.identity.authenticated.user, resource: resourceLabel(ctx.rt) };
  if (ctx.identity.impersonated) opts.owner.impersonatedUser = ctx.identity.effective.user;
  if (ctx.namespace !== undefined) opts.owner.namespace = ctx.namespace;
  serveWatch(ctx.deps.store, ctx.deps.watches, ctx.req, ctx.res, opts);
}

export function handleList(ctx: ResourceRequest): void {
  const params = ctx.url.searchParams;
  const selector = selectorsFrom(ctx);
  const limitParam = params.get("limit");
  const limit = limitParam ? Number(limitParam) : 0;
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit "${limitParam}"`);
  const rv = ctx.deps.store.currentResourceVersion();

  let entries: Entry[] = ctx.deps.store.listEntries(ctx.rt, ctx.namespace);
  if (selector) entries = entries.filter((e) => selector(e.obj));
  const token = params.get("continue");
  if (token) {
    const after = decodeContinue(token).k;
    entries = entries.filter((e) => objectKey(e.obj.metadata.namespace, e.obj.metadata.name) > after);
  }
  const listMeta: Record<string, unknown> = { resourceVersion: rv };
  if (limit > 0 && entries.length > limit) {
    const last = entries[limit - 1] as Entry;
    listMeta.continue = encodeContinue(objectKey(last.obj.metadata.namespace, last.obj.metadata.name), rv);
    listMeta.remainingItemCount = entries.length - limit;
    entries = entries.slice(0, limit);
  }

  if (wantsTable(ctx.req.headers.accept)) {
    const include = parseIncludeObject(params.get("includeObject"));
    sendJson(
      ctx.res,
      200,
      buildTable(
        ctx.rt,
        entries.map((e) => e.obj),
        listMeta,
        include,
      ),
    );
    return;
  }
  const head = JSON.stringify({ kind: ctx.rt.listKind, apiVersion: apiVersionOf(ctx.rt), metadata: listMeta });
  const parts: string[] = [head.slice(0, -1), ',"items":['];
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) parts.push(",");
    parts.push(entryJson(entries[i] as Entry));
  }
  parts.push("]}");
  sendJson(ctx.res, 200, parts.join(""));
}
