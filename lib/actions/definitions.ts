// Every action definition by name.
import type { ActionName } from "./catalog";
import type { ActionDefinition } from "./definition";
import { force } from "./force";
import { forceSync } from "./force-sync";
import { reconcile } from "./reconcile";
import { reset } from "./reset";
import { restart } from "./restart";
import { resume } from "./resume";
import { suspend } from "./suspend";

export const DEFINITIONS: Record<ActionName, ActionDefinition> = {
  reconcile,
  force,
  reset,
  suspend,
  resume,
  "force-sync": forceSync,
  restart,
};
