import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { demoModeEnabled } from "@/lib/auth/mode";
import { oidcConfig } from "@/lib/auth/oidc/config";
import { currentUser } from "@/lib/auth/page-user";
import { safeReturnTo } from "@/lib/auth/return-to";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; error?: string | string[] }> }) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? safeReturnTo(params.next) : undefined;
  const error = signInErrorMessage(typeof params.error === "string" ? params.error : undefined);
  if (await currentUser()) redirect(next ?? "/");
  const demo = demoModeEnabled();
  const sso = oidcConfig() !== null;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">Sign in to Fluxtower</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">Flux CD and External Secrets control plane</p>
        {error ? (
          <p role="alert" data-testid="sign-in-error" className="mb-4 rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        ) : null}
        {sso ? <SsoSignIn next={next} /> : null}
        {sso && demo ? <p className="my-4 text-center text-xs uppercase tracking-wide text-slate-500">or a demo user</p> : null}
        {demo ? <SignInForm next={next} demoUsers={DEMO_USERS.map((u) => `${u.username} (${u.role})`)} /> : null}
        {!sso && !demo ? (
          <p className="text-sm">Single sign-on is not configured. Set FLUXTOWER_OIDC_ISSUER and FLUXTOWER_OIDC_CLIENT_ID (see README).</p>
        ) : null}
      </div>
    </main>
  );
}
