// Protocol Buffers wire-format reader: splits a message into its fields (varint, 64-bit, length-delimited,
// 32-bit). Enough to decode the few Kubernetes protobuf bodies kubectl sends (see k8s-protobuf.ts).
import { badRequest } from "../../store/errors";

export type FieldValue =
  { wire: 0; value: bigint } | { wire: 1; value: Buffer } | { wire: 2; value: Buffer } | { wire: 5; value: Buffer };

export type Fields = Map<number, FieldValue[]>;

function readVarint(buf: Buffer, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (let i = pos; i < buf.length; i++) {
    const byte = buf[i] as number;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, i + 1];
    shift += 7n;
    if (shift > 63n) break;
  }
  throw badRequest("malformed protobuf body (varint)");
}

export function readFields(buf: Buffer): Fields {
  const fields: Fields = new Map();
  let pos = 0;
  while (pos < buf.length) {
    const [key, next] = readVarint(buf, pos);
    pos = next;
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    let value: FieldValue;
    if (wire === 0) {
      const [v, after] = readVarint(buf, pos);
      pos = after;
      value = { wire: 0, value: v };
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (pos + size > buf.length) throw badRequest("malformed protobuf body (fixed)");
      value = { wire, value: buf.subarray(pos, pos + size) };
      pos += size;
    } else if (wire === 2) {
      const [len, after] = readVarint(buf, pos);
      const end = after + Number(len);
      if (end > buf.length) throw badRequest("malformed protobuf body (length)");
      value = { wire: 2, value: buf.subarray(after, end) };
      pos = end;
    } else throw badRequest(`malformed protobuf body (wire type ${wire})`);
    let list = fields.get(field);
    if (!list) fields.set(field, (list = []));
    list.push(value);
  }
  return fields;
}

export function bytesField(fields: Fields, n: number): Buffer | undefined {
  const v = fields.get(n)?.at(-1);
  return v?.wire === 2 ? v.value : undefined;
}

export function stringField(fields: Fields, n: number): string | undefined {
  return bytesField(fields, n)?.toString("utf8");
}

export function repeatedStrings(fields: Fields, n: number): string[] {
  return (fields.get(n) ?? []).filter((v) => v.wire === 2).map((v) => v.value.toString("utf8"));
}

export function varintField(fields: Fields, n: number): bigint | undefined {
  const v = fields.get(n)?.at(-1);
  return v?.wire === 0 ? v.value : undefined;
}

export function messages(fields: Fields, n: number): Fields[] {
  return (fields.get(n) ?? []).filter((v) => v.wire === 2).map((v) => readFields(v.value));
}

/** map<string, X> fields are repeated entries {1: key, 2: value}. */
export function mapField(
  fields: Fields,
  n: number,
  decode: (b: Buffer) => string = (b) => b.toString("utf8"),
): Record<string, string> | undefined {
  const entries = messages(fields, n);
  if (entries.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const e of entries) out[stringField(e, 1) ?? ""] = decode(bytesField(e, 2) ?? Buffer.alloc(0));
  return out;
}
