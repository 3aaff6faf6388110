// The scenario file format (democluster/scenarios/<name>.yaml), validated with zod.
//
//   name, description, seed
//   namespaces:  [name | {name, labels}]             created at load
//   vault:       [{store, unreachable?, items: {item: {field: value}}}]
//   databases:   [{host, users: {user: password}, fernetKey?}]   external DBs Airflow connects to (wrong password
//                or a Fernet key list that cannot decrypt the data encrypted with fernetKey = crash)
//   objects:     manifests created at load (as if applied by hand/bootstrap). Scenario-only keys on a manifest:
//                  contains:     (Kustomization) the manifests its source revision holds; applied by the controller
//                  fieldManager: manager recorded for the create (default kubectl-client-side-apply)
//                  markDeleted:  delete right after creating (objects with finalizers stay Terminating)
//   generator:   "large" builds the objects from params instead (see large.ts)
//   params:      default generator parameters
import { z } from "zod";

const Namespace = z.union([
  z.string(),
  z.object({ name: z.string(), labels: z.record(z.string(), z.string()).optional() }),
]);

export const ScenarioSchema = z.object({
  name: z.string(),
  description: z.string().default(""),
  seed: z.union([z.string(), z.number()]).optional(),
  namespaces: z.array(Namespace).default([]),
  vault: z
    .array(
      z.object({
        store: z.string(),
        unreachable: z.boolean().optional(),
        items: z.record(z.string(), z.record(z.string(), z.string())).default({}),
      }),
    )
    .default([]),
  databases: z
    .array(
      z.object({
        host: z.string(),
        port: z.number().optional(),
        database: z.string().optional(),
        users: z.record(z.string(), z.string()),
        fernetKey: z.string().optional(),
      }),
    )
    .default([]),
  objects: z.array(z.record(z.string(), z.unknown())).default([]),
  generator: z.enum(["large"]).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});

export type ScenarioSpec = z.infer<typeof ScenarioSchema>;
