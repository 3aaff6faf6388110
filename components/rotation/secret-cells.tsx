"use client";

import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { SecretInventoryItem } from "@/lib/rotation/inventory-view";
import { STATE_LABEL } from "@/lib/rotation/kinds";

const chip = "inline-block rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800";

export function KeyChips({ keys }: { keys: string[] }) {
  if (!keys.length) return <span className="text-slate-400">no keys</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {keys.map((k) => (
        <span key={k} className={chip}>
          {k}
        </span>
      ))}
    </span>
  );
}

export function ManagerCell({ item, cluster }: { item: SecretInventoryItem; cluster: string }) {
  const m = item.manager;
  if (m.type === "external-secret") {
    return (
      <span className="flex flex-col">
        <Link className="text-blue-700 hover:underline dark:text-blue-300" href={`/clusters/${encodeURIComponent(cluster)}/externalsecrets/${m.namespace}/${m.externalSecret}`}>
          ExternalSecret {m.externalSecret}
        </Link>
        {m.store ? (
          <span className="text-xs text-slate-500">
            {m.store.kind} {m.store.name}
            {m.providerType ? ` (${m.providerType})` : ""}
          </span>
        ) : null}
      </span>
    );
  }
  return <span className={m.type === "manual" ? "text-amber-800 dark:text-amber-300" : ""}>{m.label}</span>;
}

export function ConsumersCell({ item }: { item: SecretInventoryItem }) {
  if (!item.consumers.length) return <span className="text-slate-400">none</span>;
  return (
    <ul className="text-xs">
      {item.consumers.map((c) => (
        <li key={`${c.kind}/${c.name}`}>
          {c.kind} {c.name}
        </li>
      ))}
    </ul>
  );
}

export function LastRotationCell({ item }: { item: SecretInventoryItem }) {
  const last = item.lastRotation;
  if (!last) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-col">
      <TimeAgo iso={last.at} />
      <span className="text-xs text-slate-500">
        {last.source === "created" ? "created (never rotated)" : last.source === "rotation" ? (
          <Link className="hover:underline" href={`/rotations/${last.rotationId ?? ""}`}>
            by {last.by}
          </Link>
        ) : (
          "fluxtower.dev/rotated-at"
        )}
      </span>
    </span>
  );
}

export function PolicyCell({ item }: { item: SecretInventoryItem }) {
  return (
    <span className="flex flex-col gap-1">
      {item.policy ? (
        <span title={`attested by ${item.policy.attestedBy} for ${item.policy.release} (${item.policy.checkId}), valid until ${item.policy.expiresAt}`}>{item.policy.policy}</span>
      ) : (
        <span className="text-slate-400">no attested policy</span>
      )}
      {item.overdue ? (
        <span className="inline-block w-fit rounded border border-red-300 bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="overdue-badge">
          Overdue{item.dueAt ? ` since ${item.dueAt.slice(0, 10)}` : ""}
        </span>
      ) : item.dueAt ? (
        <span className="text-xs text-slate-500">due {item.dueAt.slice(0, 10)}</span>
      ) : null}
      {item.activeRotation ? (
        <Link className="text-xs text-blue-700 hover:underline dark:text-blue-300" href={`/rotations/${item.activeRotation.id}`}>
          rotation {STATE_LABEL[item.activeRotation.state].toLowerCase()}
        </Link>
      ) : null}
    </span>
  );
}
