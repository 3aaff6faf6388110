// Every step by name (the names are stored in the journal, so they never change meaning).
import "server-only";
import { backupStep } from "./backup";
import type { StepDef } from "./context";
import { awaitDeployKeyStep, cleanupStep, finishStep } from "./finish";
import { alterRoleStep, reencryptStep } from "./jobs";
import { restartPgbouncerStep, syncPgbouncerStep, verifyPgbouncerStep, writePgbouncerStep } from "./pgbouncer";
import { restartStep, verifyStep } from "./restart";
import { stageStep } from "./stage";
import { syncStep } from "./sync";
import { writeStep } from "./write";
import { stepTitle } from "../step-titles";

const ALL: StepDef[] = [
  backupStep,
  stageStep,
  awaitDeployKeyStep,
  alterRoleStep,
  writeStep("write", stepTitle("write"), "next"),
  syncStep("sync", stepTitle("sync"), "next"),
  writeStep("write-new-old", stepTitle("write-new-old"), "combined"),
  syncStep("sync-new-old", stepTitle("sync-new-old"), "combined"),
  writePgbouncerStep,
  syncPgbouncerStep,
  restartPgbouncerStep,
  verifyPgbouncerStep,
  restartStep("restart", stepTitle("restart")),
  verifyStep("verify", stepTitle("verify"), "restart"),
  verifyStep("verify-git-sync", stepTitle("verify-git-sync"), "restart", { gitSync: true }),
  reencryptStep,
  writeStep("write-new", stepTitle("write-new"), "next"),
  syncStep("sync-new", stepTitle("sync-new"), "next"),
  restartStep("restart-2", stepTitle("restart-2")),
  verifyStep("verify-2", stepTitle("verify-2"), "restart-2"),
  finishStep,
  writeStep("restore", stepTitle("restore"), "previous"),
  syncStep("restore-sync", stepTitle("restore-sync"), "previous"),
  restartStep("restore-restart", stepTitle("restore-restart")),
  verifyStep("restore-verify", stepTitle("restore-verify"), "restore-restart"),
  cleanupStep,
];

const BY_NAME = new Map(ALL.map((s) => [s.name, s]));

export function stepDef(name: string): StepDef | undefined {
  return BY_NAME.get(name);
}
