// A self-signed certificate for 127.0.0.1/localhost, generated at start with node:crypto (no openssl needed).
// kubectl (client-go) only sends bearer tokens over TLS, so the kubeconfigs point at https with this cert as CA.
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import {
  bitString,
  boolean,
  explicit,
  integer,
  octetString,
  oid,
  sequence,
  set,
  tlv,
  utcTime,
  utf8String,
} from "./der";

export interface SelfSignedCert {
  certPem: string;
  keyPem: string;
}

const ECDSA_SHA256 = sequence(oid("1.2.840.10045.4.3.2"));

function name(cn: string): Buffer {
  return sequence(set(sequence(oid("2.5.4.3"), utf8String(cn))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

function toPem(label: string, der: Buffer): string {
  const b64 = der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export function generateSelfSignedCert(commonName = "fluxtower-democluster", validDays = 365): SelfSignedCert {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  const now = Date.now();
  const san = sequence(
    tlv(0x87, Buffer.from([127, 0, 0, 1])), // iPAddress
    tlv(0x82, Buffer.from("localhost", "ascii")), // dNSName
  );
  const extensions = sequence(
    extension("2.5.29.19", true, sequence(boolean(true))), // basicConstraints CA:TRUE
    extension("2.5.29.15", true, bitString(Buffer.from([0xa4]), 2)), // keyUsage digitalSignature, keyEncipherment, keyCertSign
    extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))), // serverAuth, clientAuth
    extension("2.5.29.17", false, san),
  );
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    ECDSA_SHA256,
    name(commonName),
    sequence(utcTime(new Date(now - 3600_000)), utcTime(new Date(now + validDays * 86400_000))),
    name(commonName),
    publicKey.export({ type: "spki", format: "der" }),
    explicit(3, extensions),
  );
  const signature = sign("sha256", tbs, createPrivateKey(privateKey.export({ type: "pkcs8", format: "pem" })));
  const cert = sequence(tbs, ECDSA_SHA256, bitString(signature));
  return {
    certPem: toPem("CERTIFICATE", cert),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
