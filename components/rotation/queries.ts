// Query keys and fetchers of the Secrets inventory and rotations (the public JSON API).
import { api } from "@/components/ui/api";
import type { SecretInventoryItem } from "@/lib/rotation/inventory-view";
import type { RotationView } from "@/lib/rotation/view";

export interface InventoryResponse {
  cluster: string;
  namespaces: string[];
  items: SecretInventoryItem[];
}

export const rotationKeys = {
  all: ["rotation"] as const,
  inventory: (cluster: string, namespace: string | null) => ["rotation", "secrets", cluster, namespace ?? ""] as const,
  one: (id: string) => ["rotation", "one", id] as const,
  list: (cluster: string | null) => ["rotation", "list", cluster ?? ""] as const,
};

export function fetchInventory(cluster: string, namespace: string | null): Promise<InventoryResponse> {
  const q = namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";
  return api<InventoryResponse>(`/api/v1/clusters/${encodeURIComponent(cluster)}/secrets${q}`);
}

export async function fetchRotation(id: string): Promise<RotationView> {
  return (await api<{ rotation: RotationView }>(`/api/v1/rotations/${encodeURIComponent(id)}`)).rotation;
}

export async function fetchRotations(cluster: string | null): Promise<RotationView[]> {
  const q = cluster ? `?cluster=${encodeURIComponent(cluster)}` : "";
  return (await api<{ rotations: RotationView[] }>(`/api/v1/rotations${q}`)).rotations;
}

export interface StartInput {
  namespace: string;
  secret: string;
  kind: string;
  key?: string;
  options?: { length?: number; charset?: string; value?: string; backupGraceHours?: number; timeoutMinutes?: number };
}

export async function startRotation(cluster: string, input: StartInput): Promise<RotationView> {
  return (await api<{ rotation: RotationView }>(`/api/v1/clusters/${encodeURIComponent(cluster)}/rotations`, { method: "POST", body: input })).rotation;
}

export async function rotationCommand(id: string, command: "confirm" | "cancel" | "rollback"): Promise<RotationView> {
  return (await api<{ rotation: RotationView }>(`/api/v1/rotations/${encodeURIComponent(id)}/${command}`, { method: "POST" })).rotation;
}
