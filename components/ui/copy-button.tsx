"use client";

import { useState } from "react";
import { errorMessage } from "./api";
import { Button } from "./button";

/** Copies text to the clipboard and says so (or says why it could not). */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<{ kind: "idle" } | { kind: "copied" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: "copied" });
      setTimeout(() => setState({ kind: "idle" }), 1500);
    } catch (err) {
      setState({ kind: "error", message: errorMessage(err) });
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" type="button" onClick={copy} className="!px-2 !py-1 text-xs">
        {state.kind === "copied" ? "Copied" : label}
      </Button>
      <span aria-live="polite" className="text-xs text-red-700 dark:text-red-300">
        {state.kind === "error" ? `Could not copy: ${state.message}` : ""}
      </span>
    </span>
  );
}
