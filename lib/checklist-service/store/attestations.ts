// ChecklistAttestation rows: insert and list. Attestations are never edited; a new one supersedes the old.
import "server-only";
import type { Attestation } from "@/lib/checklist";
import { getDb } from "@/lib/db/client";
import type { ChecklistAttestation } from "@/lib/db/generated/sqlite/client";
import type { SubjectKey } from "../subjects";
import { stringList, stringRecord } from "./json";

export interface NewAttestation {
  checkId: string;
  checkVersion: number;
  fields: Record<string, string>;
  links: string[];
  attestedBy: string;
  attestedBySubject: string;
  attestedAt: Date;
  expiresAt: Date;
}

export async function insertAttestation(s: SubjectKey, a: NewAttestation): Promise<Attestation & { id: string }> {
  const db = await getDb();
  const row = await db.checklistAttestation.create({
    data: {
      cluster: s.cluster,
      namespace: s.namespace,
      release: s.release,
      checkId: a.checkId,
      checkVersion: a.checkVersion,
      fields: JSON.stringify(a.fields),
      links: JSON.stringify(a.links),
      attestedBy: a.attestedBy,
      attestedBySubject: a.attestedBySubject,
      attestedAt: a.attestedAt,
      expiresAt: a.expiresAt,
    },
  });
  return toAttestation(row);
}

type Row = ChecklistAttestation;

function toAttestation(row: Row): Attestation & { id: string } {
  return {
    id: row.id,
    checkId: row.checkId,
    checkVersion: row.checkVersion,
    fields: stringRecord(row.fields, "ChecklistAttestation.fields"),
    links: stringList(row.links, "ChecklistAttestation.links"),
    attestedBy: row.attestedBy,
    attestedAt: row.attestedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Every attestation of a release, newest first (the evaluator picks the one that counts). */
export async function listAttestations(s: SubjectKey): Promise<(Attestation & { id: string })[]> {
  const db = await getDb();
  const rows = await db.checklistAttestation.findMany({
    where: { cluster: s.cluster, namespace: s.namespace, release: s.release },
    orderBy: [{ attestedAt: "desc" }, { id: "desc" }],
    take: 1000,
  });
  return rows.map(toAttestation);
}
