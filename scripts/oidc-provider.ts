// A real OpenID Provider for tests (the `oidc-provider` package, certified by the OpenID Foundation) on 127.0.0.1.
//
//   npx tsx scripts/oidc-provider.ts --port 0 --state-dir <dir> --redirect-uri <app>/api/auth/oidc/callback
//
// Writes <dir>/oidc.json { issuer, clientId, clientSecret, controlToken, password, users } and prints
// "oidc-provider ready <issuer>". Users: alice (group fluxtower-admins), bob (fluxtower-operators), carol (no
// groups), all with the password in oidc.json. A small login form replaces the package's dev interactions;
// consent is granted automatically (a first-party client).
//
// Test hook: POST /__test/id-token { "mode": "<forgery>" } with `Authorization: Bearer <controlToken>` makes the
// NEXT token response carry a forged ID token (wrong audience, expired, tampered signature, alg=none…), see
// scripts/oidc-token-forgery.ts. Never run this outside tests.
import { generateKeyPairSync, randomBytes, createPrivateKey, type JsonWebKey } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { forge, FORGERIES, type Forgery } from "./oidc-token-forgery";

interface TestUser {
  name: string;
  email: string;
  groups: string[];
}

const USERS: Record<string, TestUser> = {
  alice: { name: "Alice Admin", email: "alice@example.test", groups: ["fluxtower-admins"] },
  bob: { name: "Bob Operator", email: "bob@example.test", groups: ["fluxtower-operators", "unrelated-team"] },
  carol: { name: "Carol Viewer", email: "carol@example.test", groups: [] },
};
const PASSWORD = "fluxtower-test";

function args(argv: string[]) {
  const out = { port: 0, stateDir: ".data/oidc", redirectUris: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === "--port") out.port = Number(v);
    else if (argv[i] === "--state-dir") out.stateDir = v;
    else if (argv[i] === "--redirect-uri") out.redirectUris.push(v);
    else continue;
    i++;
  }
  if (!out.redirectUris.length) throw new Error("at least one --redirect-uri is required");
  return out;
}

function escapeHtml(v: string): string {
  return v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Login <input name="login" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Continue</button>
</form></body></html>`;
}

async function rawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await rawBody(req));
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk: JsonWebKey = { ...privateKey.export({ format: "jwk" }), kid: "test-key-1", alg: "RS256", use: "sig" };
  const signingKey = createPrivateKey({ key: jwk, format: "jwk" });
  const clientId = "fluxtower";
  const clientSecret = randomBytes(24).toString("base64url");
  const controlToken = randomBytes(24).toString("base64url");
  let armed: Forgery | null = null;

  // Bind first so the issuer carries the real port.
  const http = await import("node:http");
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const issuer = `http://127.0.0.1:${address.port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        // RP-initiated logout returns to the app's sign-in page (lib/auth/oidc/logout.ts POST_LOGOUT_PATH).
        post_logout_redirect_uris: opts.redirectUris.map((u) => new URL("/sign-in", u).toString()),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk as Record<string, string>] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    scopes: ["openid", "profile", "email", "groups"],
    claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email"], groups: ["groups"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    ttl: { IdToken: 3600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, sub) {
      const user = USERS[sub];
      if (!user) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, name: user.name, preferred_username: sub, email: user.email, groups: user.groups };
        },
      };
    },
  };
  const provider = new Provider(issuer, configuration);

  provider.use(async (ctx, next) => {
    const login = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
    if (ctx.path === "/__test/id-token" && ctx.method === "POST") {
      if (ctx.get("authorization") !== `Bearer ${controlToken}`) return void (ctx.status = 401);
      const mode = (JSON.parse(await rawBody(ctx.req)) as { mode?: unknown }).mode;
      if (!(FORGERIES as readonly unknown[]).includes(mode)) return void (ctx.status = 400);
      armed = mode as Forgery;
      ctx.status = 204;
      return;
    }
    if (!login) {
      await next();
      if (ctx.path === "/token" && ctx.method === "POST" && ctx.status === 200 && armed) {
        const body = ctx.body as { id_token?: string };
        if (body.id_token) ctx.body = { ...body, id_token: forge(body.id_token, armed, signingKey) };
        armed = null;
      }
      return;
    }
    ctx.set("cache-control", "no-store");
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === "consent") {
      const accountId = details.session?.accountId;
      if (!accountId) return void (ctx.status = 400);
      const grant = details.grantId
        ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId: String(details.params.client_id) }))
        : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      ctx.respond = false;
      return provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    if (!login[2]) {
      ctx.type = "html";
      ctx.body = loginPage(details.uid);
      return;
    }
    const form = await formBody(ctx.req);
    const name = form.get("login") ?? "";
    if (!USERS[name] || form.get("password") !== PASSWORD) {
      ctx.status = 401;
      ctx.type = "html";
      ctx.body = loginPage(details.uid, "Unknown login or wrong password");
      return;
    }
    ctx.respond = false;
    return provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: name } }, { mergeWithLastSubmission: false });
  });

  server.on("request", provider.callback());
  mkdirSync(opts.stateDir, { recursive: true });
  const state = { issuer, clientId, clientSecret, controlToken, password: PASSWORD, users: USERS, forgeries: FORGERIES };
  writeFileSync(path.join(opts.stateDir, "oidc.json"), JSON.stringify(state, null, 2), { mode: 0o600 });
  console.log(`oidc-provider ready ${issuer}`);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
