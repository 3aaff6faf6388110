// Fixed-window rate limits keyed by caller (client address, user …), counted in the database so that every
// replica of the app shares them (lib/db/rate-windows.ts). The decision itself is the pure `verdict`.
import { hitWindow, currentWindow, type WindowState } from "@/lib/db/rate-windows";

export interface Verdict {
  ok: boolean;
  /** Seconds until the caller may try again (0 when under the limit). */
  retryAfter: number;
}

/** Whether a window with `count` hits is within `limit`, and when it ends. Pure. */
export function verdict(window: WindowState | undefined, limit: number, windowMs: number, now: number): Verdict {
  if (!window || now - window.start.getTime() >= windowMs) return { ok: true, retryAfter: 0 };
  if (window.count <= limit) return { ok: true, retryAfter: window.count < limit ? 0 : secondsLeft(window, windowMs, now) };
  return { ok: false, retryAfter: secondsLeft(window, windowMs, now) };
}

function secondsLeft(window: WindowState, windowMs: number, now: number): number {
  return Math.max(1, Math.ceil((window.start.getTime() + windowMs - now) / 1000));
}

export interface Limiter {
  /** Counts one hit; `ok` is false when the caller is over the limit. */
  hit(key: string): Promise<Verdict>;
  /** Seconds until `key` may try again without counting (0 when under the limit). */
  retryAfter(key: string): Promise<number>;
}

/** The limiter `name`: at most `limit` hits per caller key in each window of `windowMs`. */
export function limiter(name: string, limit: number, windowMs: number): Limiter {
  const id = (key: string) => `${name}|${key}`.slice(0, 200);
  return {
    async hit(key) {
      const now = new Date();
      return verdict(await hitWindow(id(key), windowMs, now), limit, windowMs, now.getTime());
    },
    async retryAfter(key) {
      const now = new Date();
      return verdict(await currentWindow(id(key), windowMs, now), limit, windowMs, now.getTime()).retryAfter;
    },
  };
}
