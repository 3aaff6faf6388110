"use client";

import { useState, type FormEvent } from "react";
import { api, errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { DEFAULT_TOKEN_DAYS, TOKEN_LIFETIMES, type ApiTokenItem } from "./token-types";

const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Creates a token and hands the one-time secret to the parent. */
export function NewTokenForm({ onCreated }: { onCreated: (token: ApiTokenItem, secret: string) => void }) {
  const [name, setName] = useState("");
  const [days, setDays] = useState(String(DEFAULT_TOKEN_DAYS));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const expiresInDays = Number(days);
      const created = await api<{ token: ApiTokenItem; secret: string }>("/api/v1/tokens", { method: "POST", body: { name, expiresInDays } });
      setName("");
      onCreated(created.token, created.secret);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="New API token" className="flex flex-wrap items-end gap-3">
      <label className="block text-sm">
        <span className="font-medium">Token name</span>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} className={input} placeholder="e.g. ci-pipeline" />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Expires</span>
        <select name="expires" value={days} onChange={(e) => setDays(e.target.value)} className={input}>
          {TOKEN_LIFETIMES.map((l) => (
            <option key={l.days} value={String(l.days)}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create token"}
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
