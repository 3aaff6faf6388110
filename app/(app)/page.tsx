import { OverviewClient } from "@/components/overview/overview-client";

export const metadata = { title: "Overview" };

export default function OverviewPage() {
  return <OverviewClient />;
}
