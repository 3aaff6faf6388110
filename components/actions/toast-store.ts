// A tiny toast store (module state + useSyncExternalStore). Toasts disappear after a while; errors stay longer.
import { useSyncExternalStore } from "react";

export type ToastKind = "info" | "success" | "error";

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message?: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function toast(kind: ToastKind, title: string, message?: string): void {
  const id = nextId++;
  toasts = [...toasts.slice(-4), { id, kind, title, message }];
  emit();
  setTimeout(() => dismissToast(id), kind === "error" ? 12_000 : 6_000);
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const EMPTY: Toast[] = [];

export function useToasts(): Toast[] {
  return useSyncExternalStore(subscribe, () => toasts, () => EMPTY);
}

// Several components may mount a <Toaster />; only the first mounted one renders.
let owners: number[] = [];
let nextOwner = 1;

export function newToasterId(): number {
  return nextOwner++;
}

/** Registers a mounted toaster; returns the unregister function. */
export function registerToaster(id: number): () => void {
  owners = [...owners, id];
  emit();
  return () => {
    owners = owners.filter((o) => o !== id);
    emit();
  };
}

export function useToasterOwner(): number | undefined {
  return useSyncExternalStore(subscribe, () => owners[0], () => undefined);
}
