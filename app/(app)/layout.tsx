import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePageUser } from "@/lib/auth/page-user";
import { env } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const readOnly = env().FLUXTOWER_READ_ONLY;
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col gap-4 border-r border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Fluxtower
        </Link>
        <NavLinks />
        <div className="mt-auto">
          <UserMenu name={user.name} role={user.role} />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        {readOnly ? (
          <div className="bg-amber-100 px-6 py-1.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Read-only mode: actions are disabled.
          </div>
        ) : null}
        <main className="mx-auto max-w-7xl p-6">{children}</main>
      </div>
    </div>
  );
}
