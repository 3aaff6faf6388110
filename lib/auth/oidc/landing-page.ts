// The callback's answer after a successful sign-in: a tiny HTML page that moves on to the return path with a
// meta refresh. A plain redirect would not do: the callback is reached through a cross-site navigation from the
// provider, and browsers do not send the fresh SameSite=Strict session cookie on the rest of that redirect
// chain; a navigation started by our own page is same-site. No script, so nothing for the CSP to allow.

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function landingPage(returnTo: string): string {
  const target = escapeHtml(returnTo.replace(/['"<>`\s]/g, (c) => encodeURIComponent(c)));
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${target}">`,
    "<title>Signed in · Fluxtower</title></head>",
    `<body><p>Signed in. <a href="${target}">Continue to Fluxtower</a></p></body></html>`,
  ].join("\n");
}
