// The single sign-on entry: a plain link (a top-level GET navigation) to the server route that starts the flow.
function ssoHref(next: string | undefined): string {
  return next ? `/api/auth/oidc/login?next=${encodeURIComponent(next)}` : "/api/auth/oidc/login";
}

export function SsoSignIn({ next }: { next?: string }) {
  return (
    <a
      href={ssoHref(next)}
      className="flex w-full items-center justify-center rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800"
    >
      Sign in with single sign-on
    </a>
  );
}
