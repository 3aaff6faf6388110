// The demo cluster's HTTP server (node:http): Kubernetes API (discovery + resources), /__demo control endpoints,
// request log, fault injection and authentication/impersonation in front of everything.
import type { IncomingMessage, ServerResponse } from "node:http";
import { StatusError } from "../store/errors";
import type { MemoryStore } from "../store/memory-store";
import type { Simulation } from "../sim/types";
import type { Policy } from "../auth/policy";
import { TokenAuthenticator, type UserTokens } from "../auth/tokens";
import { readImpersonationHeaders, requestsImpersonation, resolveIdentity } from "../auth/impersonation";
import { unauthorized } from "../auth/forbidden";
import { DEFAULT_BODY_LIMIT } from "./body";
import { handleControl } from "./control-routes";
import { Faults } from "./faults";
import { RequestLog, queryRecord, type RequestLogEntry } from "./request-log";
import { WatchRegistry } from "./watch";
import { sendError, sendJson, sendText } from "./respond";
import { parseApiPath } from "./request-path";
import { openApi } from "./openapi";
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from "./discovery";
import { resolveType, routeResource, verbOf } from "./resource-router";
import { createDualListener } from "./dual-listener";
import { generateSelfSignedCert, type SelfSignedCert } from "./tls-cert";
import type { ResourceRequest, ServerDeps } from "./context";

export interface DemoServerOptions {
  store: MemoryStore;
  policy: Policy;
  tokens: UserTokens;
  controlToken: string;
  bodyLimit?: number;
  bookmarkIntervalMs?: number;
  requestLogSize?: number;
}

export interface DemoServer {
  /** The self-signed certificate served for https (also the CA clients should trust). */
  readonly cert: SelfSignedCert;
  readonly faults: Faults;
  readonly requestLog: RequestLog;
  readonly watches: WatchRegistry;
  setSimulation(sim: Simulation | undefined): void;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const HEALTH_PATHS = new Set(["/healthz", "/livez", "/readyz"]);

/** kubectl-like default field manager: the User-Agent's first token before '/'. */
export function defaultFieldManager(userAgent: string | undefined): string {
  const first = (userAgent ?? "").split(/[\s/]/)[0];
  return first && first.length > 0 ? first : "unknown";
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function createDemoServer(options: DemoServerOptions): DemoServer {
  let simulation: Simulation | undefined;
  const watches = new WatchRegistry(options.bookmarkIntervalMs ?? 10_000);
  const faults = new Faults(() => watches.closeAll());
  const requestLog = new RequestLog(options.requestLogSize ?? 2000);
  const authenticator = new TokenAuthenticator(options.tokens);
  const deps: ServerDeps = {
    store: options.store,
    policy: options.policy,
    watches,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    simulation: () => simulation,
  };
  const controlDeps = {
    controlToken: options.controlToken,
    store: options.store,
    faults,
    requestLog,
    watches,
    simulation: () => simulation,
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, log: RequestLogEntry): Promise<void> {
    const outage = faults.inOutage();
    if (outage === "reset") {
      log.status = 0;
      req.socket.destroy();
      return;
    }
    if (outage === "503") {
      throw new StatusError(503, "ServiceUnavailable", "the demo cluster is in an injected outage", {
        retryAfterSeconds: faults.outageRemainingSeconds(),
      });
    }
    if (faults.latency() > 0) await sleep(faults.latency());
    const injected = faults.injectedError();
    if (injected)
      throw new StatusError(
        injected,
        injected === 429 ? "TooManyRequests" : injected === 503 ? "ServiceUnavailable" : "InternalError",
        `injected fault (${injected})`,
        injected === 429 ? { retryAfterSeconds: 1 } : undefined,
      );

    const path = parseApiPath(url.pathname);
    if (path.type === "version") return sendJson(res, 200, versionInfo());

    const authenticated = authenticator.authenticate(req.headers.authorization);
    if (!authenticated) throw unauthorized();
    log.user = authenticated.user;
    const requested = readImpersonationHeaders(req.headersDistinct);
    // Logged before the check, so a refused impersonation (403) shows what was asked, header line by header line.
    if (requestsImpersonation(requested)) log.impersonationHeaders = requested;
    const identity = resolveIdentity(authenticated, requested, options.policy);
    if (identity.impersonated) {
      log.impersonatedUser = identity.effective.user;
      log.impersonatedGroups = identity.effective.groups;
    }

    switch (path.type) {
      case "api-versions":
        return sendJson(res, 200, apiVersions(req.headers.host ?? "127.0.0.1"));
      case "api-groups":
        return sendJson(res, 200, apiGroupList());
      case "api-group": {
        const doc = apiGroup(path.group);
        if (!doc) throw new StatusError(404, "NotFound", "the server could not find the requested resource");
        return sendJson(res, 200, doc);
      }
      case "resource-list": {
        const doc = apiResourceList(path.group, path.version);
        if (!doc) throw new StatusError(404, "NotFound", "the server could not find the requested resource");
        return sendJson(res, 200, doc);
      }
      case "unknown": {
        const doc = url.pathname.startsWith("/openapi/") ? openApi(url.pathname) : undefined;
        if (doc) return sendJson(res, 200, doc);
        throw new StatusError(404, "NotFound", "the server could not find the requested resource");
      }
      case "resource": {
        const rt = resolveType(path);
        const method = req.method ?? "GET";
        const verb = verbOf(method, path, url);
        log.watch = verb === "watch" || undefined;
        const fieldManager = url.searchParams.get("fieldManager") || defaultFieldManager(req.headers["user-agent"]);
        if (WRITE_METHODS.has(method)) log.fieldManager = fieldManager;
        const ctx: ResourceRequest = {
          req,
          res,
          url,
          deps,
          rt,
          identity,
          log,
          fieldManager,
          dryRun: url.searchParams.getAll("dryRun").includes("All"),
        };
        if (path.namespace !== undefined) ctx.namespace = path.namespace;
        if (path.name !== undefined) ctx.name = path.name;
        if (path.subresource !== undefined) ctx.subresource = path.subresource;
        return routeResource(ctx, method, verb, path);
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/__demo" || url.pathname.startsWith("/__demo/")) {
      try {
        await handleControl(controlDeps, req, res, url);
      } catch (err) {
        sendError(res, err);
      }
      return;
    }
    if (HEALTH_PATHS.has(url.pathname)) return sendText(res, 200, "ok");
    const entry: Omit<RequestLogEntry, "seq" | "time"> = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: queryRecord(url.searchParams),
    };
    if (req.headers["content-type"]) entry.contentType = req.headers["content-type"];
    if (req.headers["user-agent"]) entry.userAgent = req.headers["user-agent"];
    const log = requestLog.start(entry);
    res.on("close", () => {
      if (log.status === undefined) log.status = res.headersSent ? res.statusCode : 0;
    });
    try {
      await handleApi(req, res, url, log);
    } catch (err) {
      sendError(res, err);
    }
    if (log.status === undefined && res.headersSent) log.status = res.statusCode;
  }

  const cert = generateSelfSignedCert();
  const listener = createDualListener((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error("democluster: request handler crashed:", err);
      sendError(res, err);
    });
  }, cert);

  return {
    cert,
    faults,
    requestLog,
    watches,
    setSimulation(sim) {
      simulation = sim;
    },
    listen(port, host = "127.0.0.1") {
      return listener.listen(port, host);
    },
    close() {
      watches.closeAll();
      return listener.close();
    },
  };
}
