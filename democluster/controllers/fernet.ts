// Fernet key syntax as cryptography.io checks it: URL-safe base64 of 32 bytes (44 characters); Airflow accepts a
// comma-separated list (MultiFernet: the first key encrypts, every key decrypts).
export function validFernet(value: string): boolean {
  return value
    .split(",")
    .every((k) => /^[A-Za-z0-9_-]{43}=$/.test(k.trim()) && Buffer.from(k.trim(), "base64url").length === 32);
}

export function fernetKeys(value: string): string[] {
  return value.split(",").map((k) => k.trim());
}
