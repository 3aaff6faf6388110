"use client";

import { useId, useMemo, useState } from "react";
import YAML from "yaml";
import { CopyButton } from "@/components/ui/copy-button";
import type { KubeObject } from "@/lib/kinds/object";

function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _omit, ...metadata } = obj.metadata as KubeObject["metadata"] & { managedFields?: unknown };
  return { ...obj, metadata };
}

/** A YAML rendering of a value (already redacted by the server). */
export function YamlBlock({ value, label }: { value: unknown; label: string }) {
  const text = useMemo(() => YAML.stringify(value, { lineWidth: 0 }), [value]);
  return (
    <div className="relative">
      <div className="absolute right-2 top-2">
        <CopyButton text={text} label="Copy YAML" />
      </div>
      <pre aria-label={label} tabIndex={0} className="max-h-[36rem] overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-xs leading-5 dark:border-slate-800 dark:bg-slate-950">
        {text}
      </pre>
    </div>
  );
}

/** The object as YAML (Secret data and last-applied removed by the server); managedFields hidden unless asked. */
export function YamlView({ object }: { object: KubeObject }) {
  const id = useId();
  const [showManaged, setShowManaged] = useState(false);
  const hasManaged = "managedFields" in object.metadata;
  const value = useMemo(() => (showManaged ? object : withoutManagedFields(object)), [object, showManaged]);
  return (
    <div>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        Redacted: Secret data and the last-applied annotation are removed, values from Secrets are masked.
        {hasManaged ? (
          <span className="ml-3 inline-flex items-center gap-1">
            <input id={id} type="checkbox" checked={showManaged} onChange={(e) => setShowManaged(e.target.checked)} />
            <label htmlFor={id}>Show managedFields</label>
          </span>
        ) : null}
      </p>
      <YamlBlock value={value} label={`YAML of ${object.kind} ${object.metadata.name}`} />
    </div>
  );
}
