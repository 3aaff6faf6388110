"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";

export function UserMenu({ name, role }: { name: string; role: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    try {
      const out = await api<{ endSessionUrl?: string } | undefined>("/api/v1/session", { method: "DELETE" });
      // Single sign-on: the provider ends its own session too, then sends the browser back to /sign-in.
      if (out?.endSessionUrl) return window.location.assign(out.endSessionUrl);
      router.replace("/sign-in");
      router.refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function toggleTheme() {
    const dark = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", dark);
    document.cookie = `fluxtower_theme=${dark ? "dark" : "light"}; Path=/; Max-Age=31536000; SameSite=Strict`;
  }

  return (
    <div className="space-y-2 border-t border-slate-200 pt-3 text-sm dark:border-slate-800">
      <div data-testid="user-menu">
        <span className="font-medium">{name}</span> <span className="text-slate-500">({role})</span>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={toggleTheme} aria-label="Toggle dark theme">
          Theme
        </Button>
        <Button variant="secondary" onClick={signOut}>
          Sign out
        </Button>
      </div>
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
    </div>
  );
}
