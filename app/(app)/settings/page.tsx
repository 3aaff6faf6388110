import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-user";
import { env } from "@/lib/config/env";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser();
  const config = env();
  return (
    <>
      <PageHeader title="Settings" description="Your identity and this instance's configuration (no secrets shown)." />
      <dl className="grid max-w-2xl grid-cols-[12rem_1fr] gap-y-2 text-sm">
        <dt className="font-medium">Signed in as</dt>
        <dd>{user.name}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{user.role}</dd>
        <dt className="font-medium">Groups</dt>
        <dd>{user.groups.join(", ") || "—"}</dd>
        <dt className="font-medium">Kubernetes identity</dt>
        <dd>{user.kubeUser}</dd>
        <dt className="font-medium">Public URL</dt>
        <dd>{config.publicUrl.origin}</dd>
        <dt className="font-medium">Read-only mode</dt>
        <dd>{config.FLUXTOWER_READ_ONLY ? "on" : "off"}</dd>
      </dl>
    </>
  );
}
