// What each journal step is called in the UI and the API. Pure (shared by the step registry and the views).
export const STEP_TITLES: Record<string, string> = {
  backup: "Back up the current value",
  stage: "Prepare the new value",
  "await-deploy-key": "Add the public key as a deploy key",
  "alter-role": "Change the password in the database (ALTER ROLE)",
  write: "Write the new value",
  sync: "Force-sync the ExternalSecret",
  "write-new-old": "Write `new,old`",
  "sync-new-old": "Force-sync `new,old`",
  "write-pgbouncer": "Write the password into PgBouncer's users.txt and stats connection",
  "sync-pgbouncer": "Force-sync the PgBouncer ExternalSecrets",
  "restart-pgbouncer": "Restart PgBouncer",
  "verify-pgbouncer": "Wait for PgBouncer to roll out healthy",
  restart: "Restart the consumers",
  verify: "Wait for rollouts and health",
  "verify-git-sync": "Wait for rollouts and git-sync",
  reencrypt: "Re-encrypt with `airflow rotate-fernet-key`",
  "write-new": "Write `new` (drop the old key)",
  "sync-new": "Force-sync `new`",
  "restart-2": "Restart the consumers again",
  "verify-2": "Wait for rollouts and health again",
  finish: "Record the rotation and clean up",
  restore: "Restore the previous value",
  "restore-sync": "Force-sync the previous value",
  "restore-restart": "Restart the consumers with the previous value",
  "restore-verify": "Wait for rollouts and health",
  cleanup: "Remove the staged value and the backup",
};

export function stepTitle(name: string): string {
  return STEP_TITLES[name] ?? name;
}
