// API-server addresses are for admins (issue 18, fix 9): a kubeconfig's `server` URL and the host:port inside a
// connection error ("connect ECONNREFUSED 10.0.3.7:6443", "getaddrinfo ENOTFOUND api.prod.internal") tell an
// attacker where the control plane listens. Pure: the configured server URLs are passed in.

export const API_SERVER_PLACEHOLDER = "<API server>";

/** The spellings of one server URL that can appear in a message, longest first. */
function spellings(server: string): string[] {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return server ? [server] : [];
  }
  const bare = url.hostname.replace(/^\[|\]$/g, ""); // IPv6 without brackets, as Node's errors write it
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return [server, server.replace(/\/+$/, ""), url.origin, url.host, `${url.hostname}:${port}`, `${bare}:${port}`, url.hostname, bare];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces every configured API server's URL, host:port and host name, and any other IPv4 address (with its port)
 * in `text` with "<API server>". Host names are matched as whole names (not inside a longer name or word).
 */
export function hideApiServerAddresses(text: string, servers: readonly string[]): string {
  if (!text) return text;
  const names = [...new Set(servers.flatMap(spellings))].filter(Boolean).sort((a, b) => b.length - a.length);
  let out = text;
  if (names.length) {
    const pattern = new RegExp(`(?<![A-Za-z0-9.-])(?:${names.map(escape).join("|")})(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`, "gi"); // host names are case-insensitive
    out = out.replace(pattern, API_SERVER_PLACEHOLDER);
  }
  // Addresses of servers not in the kubeconfig (a redirect, a proxy): IPv4 with an optional port.
  return out.replace(/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?![\d.])/g, API_SERVER_PLACEHOLDER);
}
