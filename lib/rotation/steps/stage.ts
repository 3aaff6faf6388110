// stage: put the new value into the staged Secret (generated here, or already written from the upload by the
// request), so a restarted server finds it again. Derived fields are completed here (the metadata connection
// URL with the new password, the deploy key's public half).
import "server-only";
import { stepTitle } from "../step-titles";
import { withPassword } from "../connection-url";
import { ROTATION_ID_LABEL } from "../kinds";
import { createSecret, patchSecret, readSecret } from "../kube";
import { shortId, stagedLabels } from "../naming";
import { generateDeployKey } from "../ssh-key";
import { previousValue } from "../value-source";
import { fernetKey, randomValue, tokenHex } from "../values";
import { done, fail, type StepContext, type StepDef } from "./context";

function generate(ctx: StepContext): Record<string, string> {
  const o = ctx.rotation.options;
  switch (ctx.rotation.kind) {
    case "airflow-fernet":
      return { value: fernetKey() };
    case "airflow-metadata-password":
      return { password: randomValue(o.length ?? 32, o.charset ?? "alphanumeric") };
    case "git-ssh-key": {
      const key = generateDeployKey(`fluxtower-rotation-${shortId(ctx.rotation.id)}`);
      return { value: key.privateKey, publicKey: key.publicKey, fingerprint: key.fingerprint };
    }
    case "airflow-api-secret":
    case "airflow-webserver-secret":
    case "airflow-jwt":
      return { value: o.length || o.charset ? randomValue(o.length ?? 32, o.charset ?? "hex") : tokenHex() };
    case "generic":
      return { value: randomValue(o.length ?? 32, o.charset ?? "alphanumeric") };
  }
}

/** Public facts of the staged value that may be shown (the deploy key's public half and fingerprint). */
function publicDetail(fields: Record<string, string>): Record<string, string> {
  return fields.publicKey ? { publicKey: fields.publicKey, fingerprint: fields.fingerprint ?? "" } : {};
}

export const stageStep: StepDef = {
  name: "stage",
  title: stepTitle("stage"),
  async run(ctx) {
    const r = ctx.rotation;
    const name = r.stagedSecret;
    if (!name) return fail("the rotation has no staged Secret name");
    let staged = await readSecret(r.cluster, ctx.as, r.namespace, name);
    if (staged && staged.object.metadata.labels?.[ROTATION_ID_LABEL] !== r.id) return fail(`a Secret ${r.namespace}/${name} exists and is not this rotation's`);
    if (!staged) {
      if (r.options.uploaded) return fail("the uploaded value was not saved before the server stopped; nothing was changed — start the rotation again");
      const fields = generate(ctx);
      await createSecret(r.cluster, ctx.as, { name, namespace: r.namespace, labels: stagedLabels(r.secret, r.id), annotations: { "fluxtower.dev/staged-for": r.secret }, data: fields });
      staged = { object: { apiVersion: "v1", kind: "Secret", metadata: { name } }, data: fields };
    }
    if (r.kind === "airflow-metadata-password" && staged.data.connection === undefined) {
      if (!staged.data.password) return fail("the staged Secret holds no password");
      const connection = withPassword(await previousValue(ctx), staged.data.password);
      await patchSecret(r.cluster, ctx.as, r.namespace, name, { data: { connection } });
    }
    return done(`new value prepared in Secret ${name}`, publicDetail(staged.data));
  },
};
