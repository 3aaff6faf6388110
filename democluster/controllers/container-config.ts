// What the kubelet needs before a container can start: secret/configMap volumes (FailedMount), env
// secretKeyRef/configMapKeyRef and envFrom (CreateContainerConfigError), subPath keys of secret volumes.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asBool, asMap, asMaps, asString, getPath, unbase64, type JsonMap } from "../sim/objects";

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

/** First volume that cannot be mounted, as the kubelet's FailedMount message. */
export function volumeProblem(ctx: SimContext, pod: KObject): string | undefined {
  const ns = pod.metadata.namespace ?? "";
  for (const v of asMaps(getPath(pod, "spec.volumes"))) {
    const secret = asMap(v.secret);
    if (secret && asBool(secret.optional) !== true) {
      const name = asString(secret.secretName) ?? "";
      if (!ctx.store.get(R.secrets, ns, name))
        return `MountVolume.SetUp failed for volume "${asString(v.name)}" : secret "${name}" not found`;
    }
    const cm = asMap(v.configMap);
    if (cm && asBool(cm.optional) !== true) {
      const name = asString(cm.name) ?? "";
      if (!ctx.store.get(R.configmaps, ns, name))
        return `MountVolume.SetUp failed for volume "${asString(v.name)}" : configmap "${name}" not found`;
    }
  }
  return undefined;
}

function secretData(ctx: SimContext, ns: string, name: string): Record<string, string> | undefined {
  const s = ctx.store.get(R.secrets, ns, name);
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asMap(s.data) ?? {})) if (typeof v === "string") out[k] = unbase64(v);
  for (const [k, v] of Object.entries(asMap(s.stringData) ?? {})) if (typeof v === "string") out[k] = v;
  return out;
}

function configMapData(ctx: SimContext, ns: string, name: string): Record<string, string> | undefined {
  const c = ctx.store.get(R.configmaps, ns, name);
  return c ? ((asMap(c.data) ?? {}) as Record<string, string>) : undefined;
}

/** Resolves a container's environment like the kubelet does at container start. */
export function resolveEnv(ctx: SimContext, pod: KObject, container: JsonMap): EnvResult {
  const ns = pod.metadata.namespace ?? "";
  const env: Record<string, string> = {};
  for (const from of asMaps(container.envFrom)) {
    const sref = asMap(from.secretRef);
    const cref = asMap(from.configMapRef);
    const prefix = asString(from.prefix) ?? "";
    if (sref) {
      const data = secretData(ctx, ns, asString(sref.name) ?? "");
      if (!data) {
        if (asBool(sref.optional) === true) continue;
        return { ok: false, message: `secret "${asString(sref.name)}" not found` };
      }
      for (const [k, v] of Object.entries(data)) env[prefix + k] = v;
    }
    if (cref) {
      const data = configMapData(ctx, ns, asString(cref.name) ?? "");
      if (!data) {
        if (asBool(cref.optional) === true) continue;
        return { ok: false, message: `configmap "${asString(cref.name)}" not found` };
      }
      for (const [k, v] of Object.entries(data)) env[prefix + k] = v;
    }
  }
  for (const e of asMaps(container.env)) {
    const name = asString(e.name) ?? "";
    const value = asString(e.value);
    if (value !== undefined) {
      env[name] = value;
      continue;
    }
    const sk = asMap(getPath(e, "valueFrom.secretKeyRef"));
    const ck = asMap(getPath(e, "valueFrom.configMapKeyRef"));
    const ref = sk ?? ck;
    if (!ref) continue;
    const refName = asString(ref.name) ?? "";
    const key = asString(ref.key) ?? "";
    const optional = asBool(ref.optional) === true;
    const data = sk ? secretData(ctx, ns, refName) : configMapData(ctx, ns, refName);
    if (!data) {
      if (optional) continue;
      return { ok: false, message: `${sk ? "secret" : "configmap"} "${refName}" not found` };
    }
    if (data[key] === undefined) {
      if (optional) continue;
      return { ok: false, message: `couldn't find key ${key} in ${sk ? "Secret" : "ConfigMap"} ${ns}/${refName}` };
    }
    env[name] = data[key];
  }
  const subPathProblem = subPathCheck(ctx, pod, container);
  if (subPathProblem) return { ok: false, message: subPathProblem };
  return { ok: true, env };
}

function subPathCheck(ctx: SimContext, pod: KObject, container: JsonMap): string | undefined {
  const ns = pod.metadata.namespace ?? "";
  const volumes = asMaps(getPath(pod, "spec.volumes"));
  for (const m of asMaps(container.volumeMounts)) {
    const subPath = asString(m.subPath);
    if (!subPath) continue;
    const vol = volumes.find((v) => v.name === m.name);
    const secretName = asString(getPath(vol, "secret.secretName"));
    const cmName = asString(getPath(vol, "configMap.name"));
    const data = secretName ? secretData(ctx, ns, secretName) : cmName ? configMapData(ctx, ns, cmName) : undefined;
    if (data && data[subPath] === undefined)
      return `failed to prepare subPath for volumeMount "${asString(m.name)}" of container "${asString(container.name)}"`;
  }
  return undefined;
}
