// Lease holders: "host:pid:nonce". A holder on THIS host that no longer runs — another pid that is gone, or this
// very pid with another nonce (a restarted container whose app is pid 1 again) — is dead, so its rotations are
// resumed at once instead of after the lease runs out. Pure apart from the defaults.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

export function newLeaseOwner(host = hostname(), pid = process.pid, nonce = randomBytes(4).toString("hex")): string {
  return `${host}:${pid}:${nonce}`;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function ownerIsDead(owner: string, self: string, alive: (pid: number) => boolean = pidAlive): boolean {
  const [host, pidText, nonce] = owner.split(":");
  const [selfHost, selfPid] = self.split(":");
  const pid = Number(pidText);
  if (host !== selfHost || !Number.isInteger(pid) || !nonce) return false;
  if (String(pid) === selfPid) return owner !== self;
  return !alive(pid);
}
