"use client";

import { useEffect, useState } from "react";
import { dismissToast, newToasterId, registerToaster, useToasterOwner, useToasts, type ToastKind } from "./toast-store";

const STYLE: Record<ToastKind, string> = {
  info: "border-slate-300 bg-white text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100",
  success: "border-green-400 bg-green-50 text-green-900 dark:border-green-700 dark:bg-green-950 dark:text-green-100",
  error: "border-red-400 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100",
};

/** Toast region (bottom right). Safe to mount more than once: only the first mounted instance renders. */
export function Toaster() {
  const [me] = useState(newToasterId);
  useEffect(() => registerToaster(me), [me]);
  const owner = useToasterOwner();
  const items = useToasts();
  if (owner !== me) return null;
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
      {items.map((t) => (
        <div key={t.id} className={`pointer-events-auto rounded border p-3 text-sm shadow ${STYLE[t.kind]}`} data-testid="toast">
          <div className="flex items-start gap-2">
            <p className="flex-1 font-medium">{t.title}</p>
            <button type="button" aria-label="Dismiss" className="text-xs opacity-70 hover:opacity-100" onClick={() => dismissToast(t.id)}>
              ✕
            </button>
          </div>
          {t.message ? <p className="mt-1 break-words">{t.message}</p> : null}
        </div>
      ))}
    </div>
  );
}
