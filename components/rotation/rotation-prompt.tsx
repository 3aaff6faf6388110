"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Button } from "@/components/ui/button";
import type { RotationPrompt as Prompt } from "@/lib/rotation/view";

/** What the waiting step asks of the user: add a deploy key (its PUBLIC key shown), or change a vault item. */
export function RotationPrompt({ prompt, busy, canAct, onConfirm }: { prompt: Prompt; busy: boolean; canAct: boolean; onConfirm: () => void }) {
  return (
    <section aria-label="Waiting for you" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950" data-testid="rotation-prompt">
      <p className="font-medium">{prompt.message}</p>
      {prompt.publicKey ? (
        <div className="mt-3 flex flex-col gap-2">
          <code className="block break-all rounded bg-white p-2 font-mono text-xs dark:bg-slate-900" data-testid="public-key">
            {prompt.publicKey}
          </code>
          <span className="flex flex-wrap items-center gap-2 text-xs">
            <CopyButton text={prompt.publicKey} label="Copy public key" />
            {prompt.fingerprint ? <span className="font-mono">{prompt.fingerprint}</span> : null}
          </span>
        </div>
      ) : null}
      {prompt.item ? (
        <p className="mt-2 text-xs">
          Vault item <span className="font-mono">{prompt.item}</span>
          {prompt.property ? (
            <>
              , property <span className="font-mono">{prompt.property}</span>
            </>
          ) : null}
        </p>
      ) : null}
      <div className="mt-3">
        <Button type="button" onClick={onConfirm} disabled={busy || !canAct}>
          {busy ? "Confirming…" : "I did it — continue"}
        </Button>
      </div>
    </section>
  );
}
