// lib/graph: pure objects → dependency graph, neighbourhoods and root-cause chains (DESIGN.md §4). No I/O.
export type { EdgeType, Graph, GraphEdge, GraphNode, Step } from "./types";
export { buildGraph, type BuildGraphOptions } from "./build";
export { neighbourhood, type NeighbourhoodOptions } from "./neighbourhood";
export { problemSeverity, ROOT_CAUSE_EDGES, rootCause, rootCauses, type RootCauseOptions } from "./root-cause";
export { indexGraph, type GraphIndex } from "./graph-index";
export { nodeId, parseInventoryId, resourceOfKind, type InventoryRef } from "./ids";
export { AIRFLOW_SECRET_VALUE_KEYS } from "./edges-airflow";
export { podSpecRefs, type PodSpecRef } from "./pod-refs";
export type { CompletenessCheck } from "./builder";
