// Seeded pseudo-random numbers (mulberry32) so scenarios produce the same names and revisions on every start.
const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
const HEX = "0123456789abcdef";

export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === "number" ? seed >>> 0 : hashSeed(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Uniform in [min, max]. */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += HEX[this.int(16)];
    return out;
  }

  /** Kubernetes-style random suffix (generateName, pod names). */
  suffix(length = 5): string {
    let out = "";
    for (let i = 0; i < length; i++) out += SUFFIX_ALPHABET[this.int(SUFFIX_ALPHABET.length)];
    return out;
  }

  alnum(length: number): string {
    const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let out = "";
    for (let i = 0; i < length; i++) out += chars[this.int(chars.length)];
    return out;
  }

  /** A child generator with an independent, reproducible stream. */
  fork(label: string): Rng {
    return new Rng((hashSeed(label) ^ this.int(0xffffffff)) >>> 0);
  }
}

export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** Encodes a 32-bit hash with the alphabet Kubernetes uses for pod-template-hash / revision hashes. */
export function safeEncode(hash: number, length = 10): string {
  let out = "";
  let n = hash >>> 0;
  let salt = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    out += SUFFIX_ALPHABET[n % SUFFIX_ALPHABET.length];
    n = Math.floor(n / SUFFIX_ALPHABET.length);
    if (n === 0) {
      salt = Math.imul(salt ^ hash, 2654435761) >>> 0;
      n = salt;
    }
  }
  return out;
}
