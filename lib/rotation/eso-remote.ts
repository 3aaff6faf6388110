// Where an ESO-managed Secret key comes from in the backend: which item and property hold the value, so the
// rotation can write it upstream (or tell the user exactly what to change). Pure, from the ExternalSecret's spec.
import { at, isRec, recs, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";

export interface RemoteField {
  /** remoteRef.key / extract.key: the vault item (1Password item, Vault path, AWS secret name …). */
  item: string;
  /** The field inside the item; undefined = the item's whole value. */
  property?: string;
  via: "data" | "extract";
  /** How the Secret value maps to the backend value: the same, or only the password inside a connection URL. */
  transform: "identity" | "url-password";
}

export type RemoteResult = { ok: true; field: RemoteField } | { ok: false; reason: string };

const SINGLE_VAR = /^\s*\{\{-?\s*\.([A-Za-z0-9_]+)\s*-?\}\}\s*$/;
const URL_PASSWORD_VAR = /:\{\{-?\s*\.([A-Za-z0-9_]+)[^}]*\}\}@/;

/** The ExternalSecret writing a Secret: spec.target.name, or the ES name when target.name is empty. */
export function targetNameOf(es: KubeObject): string {
  return str(at(es.spec, "target", "name")) ?? es.metadata.name;
}

function fromName(es: KubeObject, name: string, transform: RemoteField["transform"]): RemoteResult {
  for (const d of recs(es.spec?.data)) {
    if (str(d.secretKey) !== name) continue;
    const ref = isRec(d.remoteRef) ? d.remoteRef : {};
    const item = str(ref.key);
    if (!item) return { ok: false, reason: `spec.data entry "${name}" has no remoteRef.key` };
    if (str(ref.version)) return { ok: false, reason: `spec.data entry "${name}" pins remoteRef.version ${String(ref.version)}: a new value would never be synced` };
    return { ok: true, field: { item, property: str(ref.property), via: "data", transform } };
  }
  const extracts = recs(es.spec?.dataFrom).filter((d) => isRec(d.extract));
  const others = recs(es.spec?.dataFrom).filter((d) => !isRec(d.extract));
  if (extracts.length === 1 && others.length === 0) {
    const item = str(at(extracts[0], "extract", "key"));
    if (item) return { ok: true, field: { item, property: name, via: "extract", transform } };
  }
  if (extracts.length > 1 || others.length > 0) {
    return { ok: false, reason: `"${name}" may come from several dataFrom sources (find/extract/generators); Fluxtower cannot tell which backend item holds it` };
  }
  return { ok: false, reason: `no spec.data or spec.dataFrom entry provides "${name}"` };
}

/**
 * The backend field behind Secret key `key`. For a templated key, the template must be a single variable
 * (`{{ .password }}`), or — when `urlPassword` is set (metadata connection) — a URL whose password part is one
 * variable (`…:{{ .password | urlquery }}@…`).
 */
export function remoteFieldFor(es: KubeObject, key: string, opts: { urlPassword?: boolean } = {}): RemoteResult {
  const template = at(es.spec, "target", "template", "data");
  const text = isRec(template) ? str(template[key]) : undefined;
  if (text !== undefined) {
    const single = SINGLE_VAR.exec(text);
    if (single) return fromName(es, single[1], "identity");
    const pw = opts.urlPassword ? URL_PASSWORD_VAR.exec(text) : null;
    if (pw) return fromName(es, pw[1], "url-password");
    return { ok: false, reason: `"${key}" is rendered by a template from several fields; change the fields in the vault by hand` };
  }
  return fromName(es, key, "identity");
}

/** The store an ExternalSecret reads from. */
export function storeRefOf(es: KubeObject): { kind: "SecretStore" | "ClusterSecretStore"; name: string } | undefined {
  const name = str(at(es.spec, "secretStoreRef", "name"));
  if (!name) return undefined;
  return { kind: str(at(es.spec, "secretStoreRef", "kind")) === "ClusterSecretStore" ? "ClusterSecretStore" : "SecretStore", name };
}

/** The provider type of a (Cluster)SecretStore: the single key under spec.provider ("onepassword", "vault", …). */
export function providerTypeOf(store: KubeObject | undefined): string | undefined {
  const provider = store?.spec?.provider;
  return isRec(provider) ? Object.keys(provider)[0] : undefined;
}
