// /__demo/... control endpoints (outside the Kubernetes API, protected by the control token): request log,
// open watches per user and resource, fault injection, and the Simulation's knobs (git pushes, vault items,
// pause/resume, time scale, state).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { badRequest, notFound, StatusError } from "../store/errors";
import type { MemoryStore } from "../store/memory-store";
import type { Simulation, SimFilter } from "../sim/types";
import { bearerToken, safeEqual } from "../auth/tokens";
import { unauthorized } from "../auth/forbidden";
import { parseJson, readBody } from "./body";
import type { Faults } from "./faults";
import { queryRecord, type RequestLog } from "./request-log";
import type { WatchRegistry } from "./watch";
import { sendJson } from "./respond";
import { faultsSchema, gitPushSchema, simFilterSchema, timeScaleSchema, vaultSetSchema } from "./control-schemas";

export interface ControlDeps {
  controlToken: string;
  store: MemoryStore;
  faults: Faults;
  requestLog: RequestLog;
  watches: WatchRegistry;
  simulation(): Simulation | undefined;
}

async function body<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const raw = await readBody(req, 1024 * 1024);
  const value = raw.length === 0 ? {} : parseJson(raw);
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw badRequest(
      `invalid request body: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

function filter(input: { kind?: string | undefined; namespace?: string | undefined }): SimFilter {
  const f: SimFilter = {};
  if (input.kind) f.kind = input.kind;
  if (input.namespace) f.namespace = input.namespace;
  return f;
}

function requireSim(deps: ControlDeps): Simulation {
  const sim = deps.simulation();
  if (!sim) throw new StatusError(503, "ServiceUnavailable", "no simulation is running in this demo cluster");
  return sim;
}

function objectCounts(store: MemoryStore): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rt of store.resourceTypes()) {
    const n = store.count(rt);
    if (n > 0) counts[rt.group ? `${rt.plural}.${rt.group}` : rt.plural] = n;
  }
  return counts;
}

/**
 * Vault writes go to the request log too (user "control"), so tests can see what reached the "secret backend" and
 * when — e.g. that a rotation never wrote a Fernet key list without the old key before its Job succeeded.
 */
function logVaultWrite(deps: ControlDeps, method: string, url: URL, body?: unknown): void {
  const entry = deps.requestLog.start({
    method,
    path: url.pathname,
    query: queryRecord(url.searchParams),
    user: "control",
  });
  if (body !== undefined) entry.body = body;
  entry.status = 200;
}

export async function handleControl(
  deps: ControlDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const token = bearerToken(req.headers.authorization);
  if (!token || !safeEqual(token, deps.controlToken)) throw unauthorized();
  const parts = url.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  const route = `${req.method} ${parts[0] ?? ""}`;
  switch (route) {
    case "GET requests": {
      const since = Number(url.searchParams.get("since") ?? "0");
      if (!Number.isFinite(since)) throw badRequest("since must be a number");
      return sendJson(res, 200, { lastSeq: deps.requestLog.lastSeq(), requests: deps.requestLog.since(since) });
    }
    case "GET faults":
      return sendJson(res, 200, deps.faults.state());
    case "POST faults":
      deps.faults.apply(await body(req, faultsSchema));
      return sendJson(res, 200, deps.faults.state());
    case "DELETE faults":
      deps.faults.clear();
      return sendJson(res, 200, deps.faults.state());
    case "POST git": {
      if (parts.length !== 3) throw notFound({ group: "", plural: "gitrepositories" }, parts.slice(1).join("/"));
      const input = await body(req, gitPushSchema);
      const revision = requireSim(deps).pushGitRevision(parts[1] as string, parts[2] as string, input.revision);
      return sendJson(res, 200, { revision });
    }
    case "PUT vault": {
      if (parts.length !== 3) throw badRequest("use PUT /__demo/vault/{store}/{item}");
      const input = await body(req, vaultSetSchema);
      requireSim(deps).vaultSet(parts[1] as string, parts[2] as string, input.fields);
      logVaultWrite(deps, "PUT", url, input);
      return sendJson(res, 200, { ok: true });
    }
    case "DELETE vault": {
      if (parts.length !== 3) throw badRequest("use DELETE /__demo/vault/{store}/{item}[?field=]");
      requireSim(deps).vaultDelete(parts[1] as string, parts[2] as string, url.searchParams.get("field") ?? undefined);
      logVaultWrite(deps, "DELETE", url);
      return sendJson(res, 200, { ok: true });
    }
    case "POST pause":
      requireSim(deps).pause(filter(await body(req, simFilterSchema)));
      return sendJson(res, 200, { ok: true });
    case "POST resume":
      requireSim(deps).resume(filter(await body(req, simFilterSchema)));
      return sendJson(res, 200, { ok: true });
    case "POST time-scale": {
      const input = await body(req, timeScaleSchema);
      requireSim(deps).setTimeScale(input.scale);
      return sendJson(res, 200, { scale: input.scale });
    }
    case "GET watches":
      return sendJson(res, 200, deps.watches.describe());
    case "GET state":
      return sendJson(res, 200, {
        resourceVersion: deps.store.currentResourceVersion(),
        objects: objectCounts(deps.store),
        openWatches: deps.watches.size(),
        faults: deps.faults.state(),
        simulation: deps.simulation()?.describe() ?? null,
      });
    default:
      throw new StatusError(404, "NotFound", `unknown control endpoint ${req.method} ${url.pathname}`);
  }
}
