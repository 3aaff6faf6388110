// Per-request context handed to the resource handlers.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ResourceType } from "../store/types";
import type { MemoryStore } from "../store/memory-store";
import type { RequestIdentity } from "../auth/identity";
import type { Policy } from "../auth/policy";
import type { Simulation } from "../sim/types";
import type { RequestLogEntry } from "./request-log";
import type { WatchRegistry } from "./watch";

export interface ServerDeps {
  store: MemoryStore;
  policy: Policy;
  watches: WatchRegistry;
  bodyLimit: number;
  simulation(): Simulation | undefined;
}

export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  deps: ServerDeps;
  rt: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  identity: RequestIdentity;
  log: RequestLogEntry;
  fieldManager: string;
  dryRun: boolean;
}
