// Linux /proc readings: a process tree, each process's resident memory (VmRSS) and a process's start time.
import fs from "node:fs";

interface ProcInfo {
  pid: number;
  ppid: number;
  startTicks: number;
  /** User + system CPU time, in clock ticks. */
  cpuTicks: number;
  cmdline: string;
}

const HZ = 100; // USER_HZ is 100 on every Linux architecture Node supports

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    return {
      pid,
      ppid: Number(fields[1]),
      startTicks: Number(fields[19]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      cmdline,
    };
  } catch {
    return undefined; // gone, or not ours to read
  }
}

/** The process and all its descendants. */
export function processTree(rootPid: number): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(Number(name));
    if (info) all.push(info);
  }
  const root = all.find((p) => p.pid === rootPid);
  if (!root) return [];
  const out: ProcInfo[] = [root];
  for (let i = 0; i < out.length; i++) for (const p of all) if (p.ppid === out[i].pid) out.push(p);
  return out;
}

/** VmRSS in MiB, or undefined when the process is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The process in the tree that does the work: the largest by RSS among those whose command line matches
 * `pattern` (npx and tsx leave wrapper processes with the same arguments above the real server).
 */
export function mainProcess(
  rootPid: number,
  pattern: RegExp,
): { pid: number; cmdline: string; rssMb: number } | undefined {
  const tree = processTree(rootPid).map((p) => ({ pid: p.pid, cmdline: p.cmdline, rssMb: rssMb(p.pid) ?? 0 }));
  const matching = tree.filter((p) => pattern.test(p.cmdline));
  return (matching.length ? matching : tree).sort((a, b) => b.rssMb - a.rssMb)[0];
}

export function treeRssMb(rootPid: number): number {
  return processTree(rootPid).reduce((sum, p) => sum + (rssMb(p.pid) ?? 0), 0);
}

/** Wall-clock start of a process in ms since the epoch (10 ms resolution: clock ticks since boot). */
export function processStartEpochMs(pid: number): number {
  const info = readProc(pid);
  if (!info) throw new Error(`process ${pid} not found`);
  const uptimeS = Number(fs.readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  const bootEpochMs = Date.now() - uptimeS * 1000;
  return bootEpochMs + (info.startTicks / HZ) * 1000;
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const info = readProc(pid);
  if (!info) throw new Error(`process ${pid} not found`);
  return info.cpuTicks / HZ;
}

/**
 * Waits until the process uses less than `maxCores` of CPU over a `windowMs` window (background work after start-up
 * has drained), at most `capMs`. Returns the wait in ms, or null when the cap was hit.
 */
export async function waitForQuiet(
  pid: number,
  maxCores = 0.15,
  windowMs = 3000,
  capMs = 120_000,
): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < capMs) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, windowMs));
    const used = cpuSeconds(pid) - before;
    if (used / (windowMs / 1000) < maxCores) return Date.now() - started;
  }
  return null;
}
