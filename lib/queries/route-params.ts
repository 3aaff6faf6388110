// Decoding of dynamic route segments. Kubernetes names, namespaces and our cluster ids never contain "%", so a
// segment that still looks percent-encoded is decoded once (Next.js passes some segments through encoded).
export function decodeSegment(segment: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(segment)) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
