import { AllTokensPanel } from "@/components/settings/all-tokens-panel";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { oidcConfig } from "@/lib/auth/oidc/config";
import { requirePageUser } from "@/lib/auth/page-user";
import { roleAtLeast } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";

export const metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requirePageUser();
  const config = env();
  const sso = oidcConfig();
  return (
    <>
      <PageHeader title="Settings" description="Your identity, your API tokens and this instance's security configuration (no secrets shown)." />
      <div className="space-y-8">
        <Section title="You">
          <dl className="grid max-w-2xl grid-cols-[12rem_1fr] gap-y-2 text-sm">
            <dt className="font-medium">Signed in as</dt>
            <dd data-testid="settings-name">{user.name}</dd>
            <dt className="font-medium">Role</dt>
            <dd data-testid="settings-role">{user.role}</dd>
            <dt className="font-medium">Kubernetes user</dt>
            <dd>{user.kubeUser}</dd>
            <dt className="font-medium">Kubernetes groups</dt>
            <dd data-testid="settings-groups">{user.groups.join(", ") || "—"}</dd>
          </dl>
          <p className="mt-2 max-w-2xl text-xs text-slate-500">
            Your role caps what Fluxtower lets you do; each cluster&apos;s RBAC decides as well, for this Kubernetes user and groups.
          </p>
        </Section>
        <Section title="API tokens">
          <p className="mb-3 max-w-2xl text-sm text-slate-600 dark:text-slate-400">
            For scripts and CI. A token acts as you, with the role and groups of your latest sign-in; it is stored only as a
            hash and shown once. Every token expires (at most after a year), and all your tokens stop working while you have
            not signed in for {config.FLUXTOWER_TOKEN_IDLE_DAYS} days — sign in again to revive them.
          </p>
          <ApiTokensPanel />
        </Section>
        {roleAtLeast(user.role, "admin") ? (
          <Section title="Everyone's API tokens">
            <p className="mb-3 max-w-2xl text-sm text-slate-600 dark:text-slate-400">
              As an admin you may revoke any user&apos;s token; the owner sees who revoked it, and the audit log records it.
            </p>
            <AllTokensPanel />
          </Section>
        ) : null}
        <Section title="Instance">
          <dl className="grid max-w-2xl grid-cols-[12rem_1fr] gap-y-2 text-sm">
            <dt className="font-medium">Public URL</dt>
            <dd>{config.publicUrl.origin}</dd>
            <dt className="font-medium">Single sign-on</dt>
            <dd>{sso ? `${sso.issuer} (client ${sso.clientId})` : "off"}</dd>
            <dt className="font-medium">Read-only mode</dt>
            <dd>{config.FLUXTOWER_READ_ONLY ? "on" : "off"}</dd>
            <dt className="font-medium">Session timeouts</dt>
            <dd>
              {config.FLUXTOWER_SESSION_IDLE_MINUTES} min idle, {config.FLUXTOWER_SESSION_MAX_HOURS} h at most
            </dd>
          </dl>
        </Section>
      </div>
    </>
  );
}
