import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fluxtower", template: "%s · Fluxtower" },
  description: "Flux CD and External Secrets control plane for Airflow platforms",
};

/** The theme comes from a cookie so the first paint is right without an inline script (strict CSP). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = (await cookies()).get("fluxtower_theme")?.value === "dark" ? "dark" : "light";
  return (
    <html lang="en" className={theme === "dark" ? "dark" : undefined}>
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
