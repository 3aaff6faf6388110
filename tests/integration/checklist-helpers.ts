// Helpers for the checklist integration tests: the airflow/airflow release's API paths, typed GET/POST, kubectl
// (shared with the browser tests: tests/support/demo-kubectl.ts), and waiting for the server to re-evaluate.
import type {
  ChecklistItemView,
  ChecklistView,
  HistoryResponse,
  ReviewDetailView,
  ReviewView,
  WaiverView,
} from "@/lib/checklist-service/api-types";
import { eventually, type Session } from "./harness";
export { kubectl, patchReleaseValues, scaleDeployment, schedulerDeployment } from "../support/demo-kubectl";

export const CLUSTER = "demo";
export const BASE = `/api/v1/clusters/${CLUSTER}/checklists/airflow/airflow`;

export interface Answer<T> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export async function getJson<T>(s: Session, path: string): Promise<Answer<T>> {
  const res = await s.fetch(path);
  return { status: res.status, body: (await res.json()) as T };
}

export async function postJson<T>(s: Session, path: string, body: unknown = {}): Promise<Answer<T>> {
  const res = await s.fetch(path, { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

export async function checklist(s: Session): Promise<ChecklistView> {
  const r = await getJson<ChecklistView>(s, BASE);
  if (r.status !== 200) throw new Error(`GET ${BASE} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export function item(view: ChecklistView, id: string): ChecklistItemView {
  const found = view.items.find((i) => i.id === id);
  if (!found) throw new Error(`item ${id} not in the checklist`);
  return found;
}

/** Waits until the item has one of the statuses (the cluster settles, expiries pass). */
export async function waitForStatus(
  s: Session,
  id: string,
  statuses: string[],
  timeoutMs = 30_000,
): Promise<ChecklistView> {
  return eventually(
    async () => {
      const view = await checklist(s);
      return statuses.includes(item(view, id).status) ? view : undefined;
    },
    timeoutMs,
    500,
  );
}

export async function history(s: Session): Promise<HistoryResponse> {
  return (await getJson<HistoryResponse>(s, `${BASE}/history?limit=200`)).body;
}

export type { ReviewDetailView, ReviewView, WaiverView };

export function inSeconds(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString();
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
