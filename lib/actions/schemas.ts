// zod schemas of the operations API.
import { z } from "zod";

export const operationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be an operation id");
