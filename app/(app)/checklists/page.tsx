import { ChecklistsClient } from "@/components/checklist/checklists-client";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Checklists" };

export default function ChecklistsPage() {
  return (
    <>
      <PageHeader
        title="Checklists"
        description="Production readiness of every Airflow HelmRelease: the gate decides (every blocking item passes, is attested or is waived); the score is shown, never gating."
      />
      <ChecklistsClient />
    </>
  );
}
