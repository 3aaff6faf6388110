// Decodes the Kubernetes protobuf bodies (`application/vnd.kubernetes.protobuf`) that kubectl sends for built-in
// kinds: the "k8s\0" envelope (runtime.Unknown) and the messages behind `kubectl create namespace|secret|
// configmap|serviceaccount`, `kubectl auth can-i` (access reviews) and DeleteOptions. Field numbers follow
// k8s.io/api generated.proto. Unknown kinds are a 415, so clients get a clear error instead of a wrong object.
import { StatusError } from "../../store/errors";
import {
  bytesField,
  mapField,
  messages,
  readFields,
  repeatedStrings,
  stringField,
  varintField,
  type Fields,
} from "./wire";

type Json = Record<string, unknown>;
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

function put(obj: Json, key: string, value: unknown): void {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return;
  obj[key] = value;
}

function bool(fields: Fields, n: number): boolean | undefined {
  const v = varintField(fields, n);
  return v === undefined ? undefined : v !== 0n;
}

function objectMeta(f: Fields | undefined): Json {
  const meta: Json = {};
  if (!f) return meta;
  put(meta, "name", stringField(f, 1));
  put(meta, "generateName", stringField(f, 2));
  put(meta, "namespace", stringField(f, 3));
  put(meta, "resourceVersion", stringField(f, 6));
  put(meta, "labels", mapField(f, 11));
  put(meta, "annotations", mapField(f, 12));
  put(
    meta,
    "ownerReferences",
    messages(f, 13).map((o) => {
      const ref: Json = {};
      put(ref, "apiVersion", stringField(o, 5));
      put(ref, "kind", stringField(o, 1));
      put(ref, "name", stringField(o, 3));
      put(ref, "uid", stringField(o, 4));
      put(ref, "controller", bool(o, 6));
      put(ref, "blockOwnerDeletion", bool(o, 7));
      return ref;
    }),
  );
  put(meta, "finalizers", repeatedStrings(f, 14));
  return meta;
}

function resourceAttributes(f: Fields): Json {
  const a: Json = {};
  (["namespace", "verb", "group", "version", "resource", "subresource", "name"] as const).forEach((k, i) =>
    put(a, k, stringField(f, i + 1)),
  );
  return a;
}

function reviewSpec(f: Fields | undefined, subject: boolean): Json {
  const spec: Json = {};
  if (!f) return spec;
  const ra = messages(f, 1)[0];
  if (ra) spec.resourceAttributes = resourceAttributes(ra);
  const nra = messages(f, 2)[0];
  if (nra) spec.nonResourceAttributes = { path: stringField(nra, 1) ?? "", verb: stringField(nra, 2) ?? "" };
  if (subject) {
    put(spec, "user", stringField(f, 3));
    put(spec, "groups", repeatedStrings(f, 4));
    put(spec, "uid", stringField(f, 6));
  }
  return spec;
}

const base64 = (b: Buffer): string => b.toString("base64");

const DECODERS: Record<string, (f: Fields) => Json> = {
  Namespace: (f) => {
    const o: Json = { metadata: objectMeta(messages(f, 1)[0]) };
    const spec = messages(f, 2)[0];
    if (spec) put(o, "spec", { finalizers: repeatedStrings(spec, 1) });
    return o;
  },
  Secret: (f) => {
    const o: Json = { metadata: objectMeta(messages(f, 1)[0]) };
    put(o, "data", mapField(f, 2, base64));
    put(o, "type", stringField(f, 3));
    put(o, "stringData", mapField(f, 4));
    put(o, "immutable", bool(f, 5));
    return o;
  },
  ConfigMap: (f) => {
    const o: Json = { metadata: objectMeta(messages(f, 1)[0]) };
    put(o, "data", mapField(f, 2));
    put(o, "binaryData", mapField(f, 3, base64));
    put(o, "immutable", bool(f, 4));
    return o;
  },
  ServiceAccount: (f) => ({ metadata: objectMeta(messages(f, 1)[0]) }),
  SelfSubjectAccessReview: (f) => ({
    metadata: objectMeta(messages(f, 1)[0]),
    spec: reviewSpec(messages(f, 2)[0], false),
  }),
  SubjectAccessReview: (f) => ({ metadata: objectMeta(messages(f, 1)[0]), spec: reviewSpec(messages(f, 2)[0], true) }),
  DeleteOptions: (f) => {
    const o: Json = {};
    const grace = varintField(f, 1);
    if (grace !== undefined) o.gracePeriodSeconds = Number(BigInt.asIntN(64, grace));
    const pre = messages(f, 2)[0];
    if (pre) {
      const p: Json = {};
      put(p, "uid", stringField(pre, 1));
      put(p, "resourceVersion", stringField(pre, 2));
      o.preconditions = p;
    }
    put(o, "orphanDependents", bool(f, 3));
    put(o, "propagationPolicy", stringField(f, 4));
    put(o, "dryRun", repeatedStrings(f, 5));
    return o;
  },
};

export function isProtobuf(mediaType: string): boolean {
  return mediaType === "application/vnd.kubernetes.protobuf";
}

/** Decodes a protobuf body into the JSON object the client meant. */
export function decodeKubernetesProtobuf(body: Buffer): Json {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC))
    throw new StatusError(415, "UnsupportedMediaType", "protobuf body without the k8s envelope");
  const unknown = readFields(body.subarray(4));
  const typeMeta = messages(unknown, 1)[0];
  const apiVersion = typeMeta ? (stringField(typeMeta, 1) ?? "") : "";
  const kind = typeMeta ? (stringField(typeMeta, 2) ?? "") : "";
  const decode = DECODERS[kind];
  if (!decode) {
    throw new StatusError(
      415,
      "UnsupportedMediaType",
      `the demo cluster cannot decode protobuf ${kind || "objects"} (${apiVersion}); send application/json`,
    );
  }
  const raw = bytesField(unknown, 2) ?? Buffer.alloc(0);
  return { apiVersion, kind, ...decode(readFields(raw)) };
}
