// ed25519 deploy keys: generated with node:crypto, written in OpenSSH formats (the public key as
// `ssh-ed25519 AAAA… comment`, the private key as an unencrypted `openssh-key-v1` file that ssh and git-sync read),
// plus the SHA256 fingerprint `ssh-keygen -l` prints. Pure apart from key generation and random check bytes.
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";

const KEY_TYPE = "ssh-ed25519";

function sshString(data: Buffer | string): Buffer {
  const body = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** The raw 32-byte public key and 32-byte seed of an ed25519 KeyObject pair (from their JWKs). */
export function rawEd25519(publicKey: KeyObject, privateKey: KeyObject): { pub: Buffer; seed: Buffer } {
  const pubJwk = publicKey.export({ format: "jwk" });
  const privJwk = privateKey.export({ format: "jwk" });
  if (pubJwk.crv !== "Ed25519" || !pubJwk.x || !privJwk.d) throw new Error("not an ed25519 key pair");
  return { pub: Buffer.from(pubJwk.x, "base64url"), seed: Buffer.from(privJwk.d, "base64url") };
}

/** The wire-format public key blob: string "ssh-ed25519", string pub. */
export function publicKeyBlob(pub: Buffer): Buffer {
  return Buffer.concat([sshString(KEY_TYPE), sshString(pub)]);
}

/** `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… comment` (one line, authorized_keys / deploy key format). */
export function openSshPublicKey(pub: Buffer, comment: string): string {
  return `${KEY_TYPE} ${publicKeyBlob(pub).toString("base64")}${comment ? ` ${comment}` : ""}`;
}

/** `SHA256:…` as `ssh-keygen -lf` prints it (unpadded base64 of the blob's sha256). */
export function fingerprint(pub: Buffer): string {
  return `SHA256:${createHash("sha256").update(publicKeyBlob(pub)).digest("base64").replace(/=+$/, "")}`;
}

/** An unencrypted OpenSSH private key file (PROTOCOL.key: "openssh-key-v1", cipher/kdf "none"). */
export function openSshPrivateKey(pub: Buffer, seed: Buffer, comment: string, check: Buffer = randomBytes(4)): string {
  const blob = publicKeyBlob(pub);
  const checkInt = check.readUInt32BE(0);
  let section = Buffer.concat([
    uint32(checkInt),
    uint32(checkInt),
    sshString(KEY_TYPE),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  const pad: number[] = [];
  for (let i = 1; (section.length + pad.length) % 8 !== 0; i++) pad.push(i);
  section = Buffer.concat([section, Buffer.from(pad)]);
  const body = Buffer.concat([
    Buffer.from("openssh-key-v1\0", "latin1"),
    sshString("none"),
    sshString("none"),
    sshString(""),
    uint32(1),
    sshString(blob),
    sshString(section),
  ]);
  const lines = body.toString("base64").match(/.{1,70}/g) ?? [];
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join("\n")}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

export interface DeployKey {
  /** OpenSSH private key file (secret: goes only into Secrets, never to the browser, the DB or logs). */
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

export function generateDeployKey(comment: string): DeployKey {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const { pub, seed } = rawEd25519(publicKey, privateKey);
  return { privateKey: openSshPrivateKey(pub, seed, comment), publicKey: openSshPublicKey(pub, comment), fingerprint: fingerprint(pub) };
}
