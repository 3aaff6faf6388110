"use client";

import { LogLines } from "./log-lines";
import { useLogFollow, type FollowStatus } from "./use-log-follow";

const STATUS_TEXT: Record<FollowStatus, string> = {
  connecting: "connecting…",
  streaming: "following — new lines appear as they are written",
  ended: "stream ended",
  disconnected: "stream disconnected",
  error: "stream failed",
};

/** A followed log (mount with key={url}); filters lines by `filter`. */
interface Props {
  url: string;
  /** The same log without follow, asked once when the stream fails to learn why. */
  probeUrl: string;
  filter: (l: string) => boolean;
  autoScroll: boolean;
  label: string;
  onReconnect: () => void;
}

export function FollowedLog({ url, probeUrl, filter, autoScroll, label, onReconnect }: Props) {
  const { status, lines, error } = useLogFollow(url, probeUrl);
  const shown = lines.filter(filter);
  return (
    <div>
      <p role="status" aria-live="polite" data-testid="log-status" className="mb-1 text-xs text-slate-600 dark:text-slate-400">
        {STATUS_TEXT[status]}
        {error ? `: ${error}` : ""} · {shown.length === lines.length ? `${lines.length} lines` : `${shown.length} of ${lines.length} lines`}
        {status === "ended" || status === "disconnected" || status === "error" ? (
          <button type="button" onClick={onReconnect} className="ml-2 text-blue-800 underline dark:text-blue-300">
            follow again
          </button>
        ) : null}
      </p>
      <LogLines lines={shown} autoScroll={autoScroll} label={label} />
    </div>
  );
}
