import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { demoModeEnabled } from "@/lib/auth/mode";
import { currentUser } from "@/lib/auth/page-user";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect("/");
  const demo = demoModeEnabled();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">Sign in to Fluxtower</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">Flux CD and External Secrets control plane</p>
        {demo ? (
          <SignInForm next={next} demoUsers={DEMO_USERS.map((u) => `${u.username} (${u.role})`)} />
        ) : (
          <p className="text-sm">Single sign-on is not configured yet. Set FLUXTOWER_OIDC_ISSUER (see README).</p>
        )}
      </div>
    </main>
  );
}
