import { createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprint, generateDeployKey, openSshPrivateKey, openSshPublicKey, publicKeyBlob } from "./ssh-key";

// RFC 8032 test vector 1: the seed and its public key.
const SEED = Buffer.from("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "hex");
const PUB = Buffer.from("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "hex");

describe("OpenSSH encodings", () => {
  it("writes the public key in authorized_keys format", () => {
    const line = openSshPublicKey(PUB, "deploy");
    expect(line).toBe(`ssh-ed25519 ${Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from("ssh-ed25519"), Buffer.from([0, 0, 0, 32]), PUB]).toString("base64")} deploy`);
    expect(line.startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI")).toBe(true);
    expect(fingerprint(PUB)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it("writes an unencrypted openssh-key-v1 private key holding seed and public key", () => {
    const pem = openSshPrivateKey(PUB, SEED, "deploy", Buffer.from([1, 2, 3, 4]));
    expect(pem.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n")).toBe(true);
    const body = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
    expect(body.subarray(0, 15).toString("latin1")).toBe("openssh-key-v1\0");
    expect(body.includes(publicKeyBlob(PUB))).toBe(true);
    expect(body.includes(Buffer.concat([SEED, PUB]))).toBe(true);
    const lines = pem.trim().split("\n");
    expect(lines.slice(1, -1).every((l) => l.length <= 70)).toBe(true);
  });

  it("generates a fresh pair whose public half matches the JWK of node:crypto", () => {
    const key = generateDeployKey("fluxtower-test");
    expect(key.publicKey).toMatch(/^ssh-ed25519 AAAA[A-Za-z0-9+/=]+ fluxtower-test$/);
    const raw = Buffer.from(key.publicKey.split(" ")[1], "base64").subarray(-32);
    const jwk = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" }).export({ format: "jwk" });
    expect(jwk.x).toBe(raw.toString("base64url"));
    expect(key.privateKey).not.toContain(key.publicKey);
  });
});
