"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "@/components/actions/dialog";
import { errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import type { SecretInventoryItem } from "@/lib/rotation/inventory-view";
import { CHARSET_NAMES, KINDS, MAX_LENGTH, MIN_LENGTH, type RotationKind } from "@/lib/rotation/kinds";
import { startRotation, type StartInput } from "./queries";

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Start a rotation of one Secret: flow, key, how the value is made, how long the backup stays. */
export function RotateDialog({ cluster, item, onClose }: { cluster: string; item: SecretInventoryItem; onClose: () => void }) {
  const router = useRouter();
  const [kind, setKind] = useState<RotationKind>(item.suggestedKind);
  const [key, setKey] = useState(item.keys[0] ?? "");
  const [mode, setMode] = useState<"generate" | "upload">("generate");
  const [length, setLength] = useState("");
  const [charset, setCharset] = useState("");
  const [value, setValue] = useState("");
  const [grace, setGrace] = useState("72");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const info = KINDS[kind];
  const fixedKey = info.key;
  const generic = kind === "generic";
  const uploading = mode === "upload" && info.uploadable;

  async function submit() {
    setBusy(true);
    setError(null);
    const options: NonNullable<StartInput["options"]> = { backupGraceHours: Number(grace) || 72 };
    if (uploading) options.value = value;
    else if (generic || kind === "airflow-metadata-password") {
      if (length) options.length = Number(length);
      if (charset) options.charset = charset;
    }
    try {
      const rotation = await startRotation(cluster, { namespace: item.namespace, secret: item.name, kind, key: fixedKey ? undefined : key, options });
      setValue("");
      router.push(`/rotations/${encodeURIComponent(rotation.id)}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={`Rotate ${item.namespace}/${item.name}`}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" type="button" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="button" onClick={submit} disabled={busy || (uploading && !value)} data-testid="start-rotation">
            {busy ? "Starting…" : "Start rotation"}
          </Button>
        </>
      }
    >
      <form className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Flow</span>
          <select className={field} value={kind} onChange={(e) => setKind(e.target.value as RotationKind)} aria-label="Rotation flow">
            {item.kinds.map((k) => (
              <option key={k} value={k}>
                {KINDS[k].label}
              </option>
            ))}
          </select>
          <span className="text-xs text-slate-600 dark:text-slate-400">{info.description}</span>
        </label>
        {fixedKey ? (
          <p>
            Key: <span className="font-mono">{fixedKey}</span>
          </p>
        ) : (
          <label className="flex flex-col gap-1">
            <span className="font-medium">Key</span>
            <select className={field} value={key} onChange={(e) => setKey(e.target.value)} aria-label="Key to rotate">
              {item.keys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
        )}
        {info.uploadable ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="font-medium">New value</legend>
            <label className="flex items-center gap-2">
              <input type="radio" checked={mode === "generate"} onChange={() => setMode("generate")} /> Generate on the server (never shown)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" checked={mode === "upload"} onChange={() => setMode("upload")} /> Upload a value
            </label>
          </fieldset>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">The new key pair is generated on the server; only its public key is shown.</p>
        )}
        {uploading ? (
          <label className="flex flex-col gap-1">
            <span>Value (sent once, stored only in the cluster)</span>
            <input type="password" autoComplete="new-password" className={field} value={value} onChange={(e) => setValue(e.target.value)} aria-label="New value" />
          </label>
        ) : null}
        {!uploading && (generic || kind === "airflow-metadata-password") ? (
          <div className="flex flex-wrap gap-3">
            <label className="flex flex-col gap-1">
              <span>Length</span>
              <input type="number" min={MIN_LENGTH} max={MAX_LENGTH} placeholder="32" className={`${field} w-24`} value={length} onChange={(e) => setLength(e.target.value)} />
            </label>
            <label className="flex flex-col gap-1">
              <span>Characters</span>
              <select className={field} value={charset} onChange={(e) => setCharset(e.target.value)}>
                <option value="">default</option>
                {CHARSET_NAMES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
        <label className="flex flex-col gap-1">
          <span>Keep the backup for (hours)</span>
          <input type="number" min={1} max={2160} className={`${field} w-24`} value={grace} onChange={(e) => setGrace(e.target.value)} />
        </label>
        {info.warnings.length ? (
          <ul className="list-disc rounded border border-amber-300 bg-amber-50 py-2 pl-6 pr-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            {info.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
        {item.manager.type === "external-secret" ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">Managed by External Secrets: the Secret is never patched; the new value goes to the vault, then the ExternalSecret is force-synced.</p>
        ) : null}
        {error ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
