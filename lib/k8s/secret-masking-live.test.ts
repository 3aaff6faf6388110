import { describe, expect, it } from "vitest";
import { LiveSecretMasker, LogMaskingError, type MaskerIO, type SecretRead } from "./secret-masking-live";

/**
 * The API server and the watch cache as the masker sees them: Secrets by name with a resourceVersion; `watched`
 * is what the cache reports (it may lag behind `stored`), `denied` answers 403 like the real API server would.
 */
class FakeCluster implements MaskerIO {
  stored = new Map<string, { rv: number; data: Record<string, string> }>();
  watched = new Map<string, number | null>();
  denied = new Set<string>();
  reads: string[] = [];

  put(name: string, data: Record<string, string>): void {
    const rv = (this.stored.get(name)?.rv ?? 100) + 1;
    this.stored.set(name, { rv, data });
    this.watched.set(name, rv);
  }

  delete(name: string): void {
    this.stored.delete(name);
    this.watched.set(name, null);
  }

  async read(name: string): Promise<SecretRead> {
    this.reads.push(name);
    if (this.denied.has(name)) throw new Error(`secrets "${name}" is forbidden: User "fluxtower" cannot get resource "secrets" in API group "" in the namespace "airflow"`);
    const s = this.stored.get(name);
    return s ? { found: true, resourceVersion: String(s.rv), values: Object.values(s.data) } : { found: false };
  }

  currentVersion(name: string): string | null | undefined {
    const v = this.watched.get(name);
    return v === undefined ? undefined : v === null ? null : String(v);
  }
}

const POD = "airflow-scheduler-7d9f8b6c5d-x2k4p";

describe("LiveSecretMasker", () => {
  it("masks a value that a rotation writes while the log is followed, and keeps masking the old one", async () => {
    const k8s = new FakeCluster();
    k8s.put("airflow-smtp", { password: "old-smtp-password-1" });
    const m = await LiveSecretMasker.open(POD, [{ name: "airflow-smtp", optional: false }], k8s);
    expect(await m.maskCurrent("auth with old-smtp-password-1")).toBe("auth with ••••••");
    k8s.put("airflow-smtp", { password: "new-smtp-password-2" });
    expect(await m.maskCurrent("auth with new-smtp-password-2")).toBe("auth with ••••••");
    expect(await m.maskCurrent("still old-smtp-password-1")).toBe("still ••••••");
    expect(k8s.reads).toEqual(["airflow-smtp", "airflow-smtp"]);
    await m.maskCurrent("nothing changed");
    expect(k8s.reads).toHaveLength(2);
  });

  it.each([
    { why: "forbidden", setup: (k: FakeCluster) => (k.put("airflow-fernet-key", { "fernet-key": "k" }), k.denied.add("airflow-fernet-key")), message: /could not be read.*forbidden/ },
    { why: "a required Secret that no longer exists", setup: () => undefined, message: /does not exist \(any more\)/ },
  ])("refuses the log when a referenced Secret is $why", async ({ setup, message }) => {
    const k8s = new FakeCluster();
    setup(k8s);
    const opened = LiveSecretMasker.open(POD, [{ name: "airflow-fernet-key", optional: false }], k8s);
    await expect(opened).rejects.toBeInstanceOf(LogMaskingError);
    await expect(opened).rejects.toThrow(message);
  });

  it("opens without a missing optional Secret and picks it up when it appears", async () => {
    const k8s = new FakeCluster();
    const m = await LiveSecretMasker.open(POD, [{ name: "airflow-extra-env", optional: true }], k8s);
    k8s.put("airflow-extra-env", { API_TOKEN: "tok-appeared-later" });
    expect(await m.maskCurrent("API_TOKEN=tok-appeared-later")).toBe("API_TOKEN=••••••");
  });

  it("ends a followed log when a changed Secret can no longer be read, but not when it is deleted", async () => {
    const k8s = new FakeCluster();
    k8s.put("a", { v: "value-of-a-1" });
    k8s.put("b", { v: "value-of-b-1" });
    const m = await LiveSecretMasker.open(POD, [{ name: "a", optional: false }, { name: "b", optional: false }], k8s);
    k8s.delete("a");
    expect(await m.maskCurrent("value-of-a-1")).toBe("••••••");
    k8s.put("b", { v: "value-of-b-2" });
    k8s.denied.add("b");
    await expect(m.maskCurrent("value-of-b-2")).rejects.toBeInstanceOf(LogMaskingError);
  });
});
