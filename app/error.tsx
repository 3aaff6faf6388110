"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl p-10" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The page could not be shown{error.digest ? ` (reference ${error.digest})` : ""}. The server log has the details.
      </p>
      <button onClick={reset} className="mt-6 rounded bg-blue-700 px-3 py-1.5 text-white hover:bg-blue-800">
        Try again
      </button>
    </main>
  );
}
