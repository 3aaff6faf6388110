// Reads a resource request body: JSON (any application/*json* type) or Kubernetes protobuf for the few
// built-in messages kubectl encodes that way. The decoded body is what the request log records.
import { StatusError } from "../store/errors";
import type { ResourceRequest } from "./context";
import { mediaType, parseJson, readBody } from "./body";
import { loggedBody } from "./request-log";
import { decodeKubernetesProtobuf, isProtobuf } from "./protobuf/k8s-protobuf";

export async function readRequestBody(ctx: ResourceRequest, required: boolean): Promise<unknown> {
  const type = mediaType(ctx.req.headers["content-type"]);
  const body = await readBody(ctx.req, ctx.deps.bodyLimit);
  if (body.length === 0 && !required) return undefined;
  if (isProtobuf(type)) {
    const decoded = decodeKubernetesProtobuf(body);
    ctx.log.body = decoded;
    return decoded;
  }
  if (type.includes("protobuf") || type.includes("cbor") || type.includes("yaml")) {
    throw new StatusError(
      415,
      "UnsupportedMediaType",
      `the body of the request was in an unknown format - accepted media types include: application/json, application/vnd.kubernetes.protobuf (got ${type})`,
    );
  }
  if (body.length > 0) ctx.log.body = loggedBody(body);
  return parseJson(body);
}
