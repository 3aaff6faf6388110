import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Checklists" };

export default function ChecklistsPage() {
  return (
    <>
      <PageHeader title="Checklists" description="Production readiness of every Airflow HelmRelease." />
      <EmptyState title="No checklists yet">Airflow HelmReleases appear here once the checklist evaluator is connected.</EmptyState>
    </>
  );
}
