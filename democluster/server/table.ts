// meta.k8s.io/v1 Table responses (what `kubectl get` asks for): printer columns from the registration
// (CRD additionalPrinterColumns) or the built-in column sets in table-core.ts.
import type { KObject, ResourceType } from "../store/types";
import { age } from "./human-duration";
import { evaluateJsonPath } from "./jsonpath";
import { coreColumns, defaultColumns, NAME_COLUMN, type ColumnSpec } from "./table-core";

export type IncludeObject = "None" | "Metadata" | "Object";

/** True when the Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(",").some((part) => /(^|;)\s*as=Table(\s*;|\s*$)/.test(part) && /g=meta\.k8s\.io/.test(part));
}

function crdCell(type: string, jsonPath: string): ColumnSpec["cell"] {
  return (obj, now) => {
    const values = evaluateJsonPath(obj, jsonPath);
    const value = values[0];
    if (value === undefined || value === null) return null;
    if (type === "date") return age(value, now);
    if (type === "string" && typeof value !== "string") return JSON.stringify(value);
    return value;
  };
}

const columnCache = new Map<ResourceType, ColumnSpec[]>();

export function columnsFor(rt: ResourceType): ColumnSpec[] {
  let cols = columnCache.get(rt);
  if (cols) return cols;
  if (rt.printerColumns) {
    cols = [
      NAME_COLUMN,
      ...rt.printerColumns.map((pc) => ({
        def: {
          name: pc.name,
          type: pc.type,
          format: "",
          description: pc.description ?? "",
          priority: pc.priority ?? 0,
        },
        cell: crdCell(pc.type, pc.jsonPath),
      })),
    ];
  } else cols = coreColumns(rt.group, rt.plural) ?? defaultColumns();
  columnCache.set(rt, cols);
  return cols;
}

export function tableRow(rt: ResourceType, obj: KObject, include: IncludeObject, now: number): Record<string, unknown> {
  const row: Record<string, unknown> = { cells: columnsFor(rt).map((c) => c.cell(obj, now)) };
  if (include === "Object") row.object = obj;
  else if (include === "Metadata") {
    const { managedFields: _mf, ...metadata } = obj.metadata;
    row.object = { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata };
  }
  return row;
}

export function buildTable(
  rt: ResourceType,
  objects: KObject[],
  listMeta: Record<string, unknown>,
  include: IncludeObject,
  withColumns = true,
): Record<string, unknown> {
  const now = Date.now();
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: listMeta,
    columnDefinitions: withColumns ? columnsFor(rt).map((c) => c.def) : [],
    rows: objects.map((o) => tableRow(rt, o, include, now)),
  };
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === "None" || value === "Object" ? value : "Metadata";
}
