import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        This page or object does not exist, or you are not allowed to see it.
      </p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline dark:text-blue-400">
        Back to the overview
      </Link>
    </main>
  );
}
