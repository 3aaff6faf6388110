// One timer for the whole simulation: a min-heap of due tasks keyed by id (re-scheduling an id keeps the earlier
// due time). Delays are multiplied by the time scale. Tasks whose target matches a pause filter are held and run
// when resumed. Task errors are reported (console + onError), never dropped silently.
import type { SimFilter } from "./types";

export interface TaskTarget {
  kind: string;
  namespace?: string;
}

interface Task {
  id: string;
  due: number;
  seq: number;
  target: TaskTarget;
  run: () => void;
}

export class Scheduler {
  private scale: number;
  private readonly tasks = new Map<string, Task>();
  private readonly held = new Map<string, Task>();
  private heap: Task[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private seq = 0;
  private stopped = false;
  private running = false;
  private readonly filters: SimFilter[] = [];

  constructor(
    scale: number,
    private readonly onError: (err: unknown, taskId: string) => void,
  ) {
    this.scale = normalizeScale(scale);
  }

  get timeScale(): number {
    return this.scale;
  }

  /** Milliseconds of wall time for a realistic delay. */
  scaled(ms: number): number {
    return ms * this.scale;
  }

  /** Runs `run` after `delayMs` (unscaled). An existing task with the same id keeps the earlier time and the new function. */
  schedule(id: string, target: TaskTarget, delayMs: number, run: () => void): void {
    if (this.stopped) return;
    const heldTask = this.held.get(id);
    if (heldTask) {
      heldTask.run = run;
      return;
    }
    const due = Date.now() + Math.max(0, delayMs) * this.scale;
    const existing = this.tasks.get(id);
    if (existing && existing.due <= due) {
      existing.run = run;
      existing.target = target;
      return;
    }
    const task: Task = { id, due, seq: ++this.seq, target, run };
    this.tasks.set(id, task);
    this.push(task);
    this.arm();
  }

  /** Replaces any pending time for `id` (later or earlier). */
  reschedule(id: string, target: TaskTarget, delayMs: number, run: () => void): void {
    this.cancel(id);
    this.schedule(id, target, delayMs, run);
  }

  cancel(id: string): void {
    this.tasks.delete(id);
    this.held.delete(id);
  }

  has(id: string): boolean {
    return this.tasks.has(id) || this.held.has(id);
  }

  isPaused(target: TaskTarget): boolean {
    return this.filters.some((f) => matches(f, target));
  }

  pause(filter: SimFilter = {}): void {
    if (!this.filters.some((f) => f.kind === filter.kind && f.namespace === filter.namespace)) {
      this.filters.push({ ...filter });
    }
  }

  resume(filter?: SimFilter): void {
    if (!filter) this.filters.length = 0;
    else {
      for (let i = this.filters.length - 1; i >= 0; i--) {
        const f = this.filters[i];
        if (f.kind === filter.kind && f.namespace === filter.namespace) this.filters.splice(i, 1);
      }
    }
    for (const [id, task] of [...this.held]) {
      if (this.isPaused(task.target)) continue;
      this.held.delete(id);
      this.schedule(id, task.target, 0, task.run);
    }
  }

  pauseFilters(): SimFilter[] {
    return this.filters.map((f) => ({ ...f }));
  }

  setTimeScale(scale: number): void {
    const next = normalizeScale(scale);
    const now = Date.now();
    const ratio = next / this.scale;
    this.scale = next;
    for (const task of this.tasks.values()) task.due = now + Math.max(0, task.due - now) * ratio;
    this.heap = [...this.tasks.values()].sort(compare);
    this.rearm();
  }

  stats(): { pending: number; held: number } {
    return { pending: this.tasks.size, held: this.held.size };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.tasks.clear();
    this.held.clear();
    this.heap = [];
  }

  private fire(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    if (this.stopped || this.running) return;
    this.running = true;
    const started = Date.now();
    try {
      // Run everything due now; bound each batch so a flood of zero-delay tasks cannot starve I/O.
      while (this.heap.length > 0 && Date.now() - started < 50) {
        const top = this.heap[0];
        if (this.tasks.get(top.id) !== top) {
          this.pop();
          continue;
        }
        if (top.due > Date.now()) break;
        this.pop();
        this.tasks.delete(top.id);
        if (this.isPaused(top.target)) {
          this.held.set(top.id, top);
          continue;
        }
        try {
          top.run();
        } catch (err) {
          this.onError(err, top.id);
        }
      }
    } finally {
      this.running = false;
    }
    this.arm();
  }

  private arm(): void {
    while (this.heap.length > 0 && this.tasks.get(this.heap[0].id) !== this.heap[0]) this.pop();
    if (this.stopped || this.running || this.heap.length === 0) return;
    const due = this.heap[0].due;
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - Date.now()));
  }

  private rearm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
    this.arm();
  }

  private push(task: Task): void {
    const h = this.heap;
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(h[i], h[p]) >= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && compare(h[l], h[m]) < 0) m = l;
      if (r < h.length && compare(h[r], h[m]) < 0) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}

function compare(a: Task, b: Task): number {
  return a.due - b.due || a.seq - b.seq;
}

function matches(f: SimFilter, t: TaskTarget): boolean {
  return (f.kind === undefined || f.kind === t.kind) && (f.namespace === undefined || f.namespace === t.namespace);
}

function normalizeScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`invalid time scale ${scale}: must be a positive number`);
  return scale;
}
