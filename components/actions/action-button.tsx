"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";

/** An action button; when disabled, the reason is its tooltip and is announced with it. */
export function ActionButton({ label, disabledReason, primary, busy, onClick }: { label: string; disabledReason?: string; primary?: boolean; busy?: boolean; onClick: () => void }) {
  const reasonId = useId();
  const disabled = !!disabledReason || busy;
  return (
    <span className="inline-flex" title={disabledReason}>
      <Button
        type="button"
        variant={primary ? "primary" : "secondary"}
        disabled={disabled}
        aria-describedby={disabledReason ? reasonId : undefined}
        onClick={onClick}
        data-action-button={label}
        className="disabled:opacity-50"
      >
        {label}
      </Button>
      {disabledReason ? (
        <span id={reasonId} className="sr-only">
          {disabledReason}
        </span>
      ) : null}
    </span>
  );
}
