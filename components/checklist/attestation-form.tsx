"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/api";
import type { ChecklistItemView } from "@/lib/checklist-service/api-types";
import type { AttestationField } from "@/lib/checklist/types";
import type { ReleaseRef } from "./queries";
import { useChecklistAction } from "./use-checklist-action";

const VALIDITY_DAYS = [30, 90, 180, 365];
const INPUT =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

interface Body {
  checkId: string;
  fields: Record<string, string>;
  links: string[];
  expiresAt: string;
}

function FieldInput({
  field,
  value,
  onChange,
  id,
}: {
  field: AttestationField;
  value: string;
  onChange: (v: string) => void;
  id: string;
}) {
  if (field.type === "select" || field.type === "boolean") {
    const options =
      field.type === "boolean"
        ? [
            ["true", "Yes"],
            ["false", "No"],
          ]
        : (field.options ?? []).map((o) => [o, o]);
    return (
      <select
        id={id}
        className={INPUT}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={field.required}
      >
        <option value="">—</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      className={INPUT}
      type={field.type === "number" ? "number" : field.type === "url" ? "url" : "text"}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={field.required}
    />
  );
}

/** The fields seed 002's CHECKLIST.md asks for, as a form; the attestation expires after the chosen period. */
export function AttestationForm({
  releaseRef,
  item,
  onDone,
}: {
  releaseRef: ReleaseRef;
  item: ChecklistItemView;
  onDone: () => void;
}) {
  const fields = item.attestationFields ?? [];
  const previous = item.attestation?.fields ?? {};
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.id, previous[f.id] ?? ""])),
  );
  const [links, setLinks] = useState((item.attestation?.links ?? []).join("\n"));
  const [days, setDays] = useState(90);
  const action = useChecklistAction<Body>(releaseRef, "/attestations");

  function submit(e: FormEvent) {
    e.preventDefault();
    const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
    const list = links
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    action.mutate({ checkId: item.id, fields: filled, links: list, expiresAt }, { onSuccess: onDone });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded border border-sky-200 bg-sky-50/50 p-3 dark:border-sky-900 dark:bg-sky-950/30"
      aria-label={`Attest ${item.title}`}
      data-testid="attestation-form"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => {
          const id = `att-${item.id}-${f.id}`;
          return (
            <div key={f.id}>
              <label htmlFor={id} className="mb-0.5 block text-xs font-medium">
                {f.label}
                {f.required ? <span className="text-red-700"> *</span> : null}
                {f.expect ? (
                  <span className="text-slate-500"> (must be {f.expect === "true" ? "Yes" : f.expect})</span>
                ) : null}
              </label>
              <FieldInput
                id={id}
                field={f}
                value={values[f.id] ?? ""}
                onChange={(v) => setValues((s) => ({ ...s, [f.id]: v }))}
              />
            </div>
          );
        })}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`att-${item.id}-links`} className="mb-0.5 block text-xs font-medium">
            Links (optional, one per line: runbook, dashboard, ticket)
          </label>
          <textarea
            id={`att-${item.id}-links`}
            className={INPUT}
            rows={2}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`att-${item.id}-days`} className="mb-0.5 block text-xs font-medium">
            Valid for
          </label>
          <select
            id={`att-${item.id}-days`}
            className={INPUT}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          >
            {VALIDITY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
      </div>
      {action.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {errorMessage(action.error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={action.isPending}>
          {action.isPending ? "Saving…" : "Attest"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
