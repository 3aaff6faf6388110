// Contract between the demo cluster's object store (democluster/store/) and everything that uses it in-process:
// the HTTP API server (democluster/server/) and the simulated controllers (democluster/controllers/).
// The demo cluster is a separate program: nothing here imports from lib/, and lib/ never imports from here.

/** A Kubernetes object as stored: plain JSON, no classes. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary per kind
  status?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary per kind
  [field: string]: unknown; // data, stringData, type, ... for core kinds
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string; // opaque string
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  managedFields?: ManagedFieldsEntry[];
  generateName?: string;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: "Update" | "Apply";
  apiVersion: string;
  time: string;
  fieldsType: "FieldsV1";
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** Static description of a served resource type (our own registration; tests compare CRD-backed ones with ../shared/crds). */
export interface ResourceType {
  group: string; // "" for core
  version: string; // served + storage version
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources: { status: boolean };
  printerColumns?: { name: string; type: string; jsonPath: string; description?: string; priority?: number }[];
  verbs: string[];
}

/** Identifies a resource type by group + plural (version is the single served one). */
export interface ResourceKey {
  group: string;
  plural: string;
}

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoreEvent {
  type: WatchEventType;
  resource: ResourceType;
  object: KObject; // a deep copy; safe to keep
}

export interface WriteOptions {
  /** Recorded in metadata.managedFields (operation Update). Defaults to "unknown". */
  fieldManager?: string;
  /** "status" writes only .status (and keeps spec/metadata); undefined writes everything except .status. */
  subresource?: "status";
  /** Validate and compute the result without storing it (HTTP `dryRun=All`). */
  dryRun?: boolean;
}

/**
 * In-memory object store with Kubernetes semantics. Every method that writes bumps a single global
 * resourceVersion counter, records a watch event, and returns a deep copy of the stored object.
 * Errors are thrown as StatusError (democluster/store/errors.ts) carrying a metav1.Status code + reason.
 */
export interface Store {
  resourceType(key: ResourceKey): ResourceType | undefined;
  resourceTypes(): ResourceType[];

  get(key: ResourceKey, namespace: string | undefined, name: string): KObject | undefined;
  list(key: ResourceKey, namespace?: string): KObject[];

  /** 409 AlreadyExists when present; sets uid, creationTimestamp, generation 1, resourceVersion. */
  create(key: ResourceKey, obj: KObject, opts?: WriteOptions): KObject;
  /** Full replace; 409 Conflict when obj.metadata.resourceVersion is set and stale; generation bumps on spec change only. */
  update(key: ResourceKey, obj: KObject, opts?: WriteOptions): KObject;
  /**
   * Read-modify-write helper for controllers: calls fn on a copy of the current object and stores the result
   * (no resourceVersion precondition). With subresource "status" only .status changes are kept.
   * Returns undefined when the object does not exist.
   */
  mutate(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    fn: (obj: KObject) => void,
    opts?: WriteOptions,
  ): KObject | undefined;
  /** Sets deletionTimestamp when finalizers remain; removes otherwise. 404 when absent. */
  delete(key: ResourceKey, namespace: string | undefined, name: string): KObject;

  /** Current global resourceVersion (opaque string). */
  currentResourceVersion(): string;
  /** Called synchronously after every write. Returns an unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void;
}
