/**
 * The If-Match a write sends: the ETag of the version the person saw, never `*` (the service refuses `*`
 * with 428: it would overwrite changes nobody saw; decision 0018). The ETag header when the read carried
 * one, else the one the contract defines from the body's version (`"v<version>"`), which is the same.
 */
export function ifMatchFor(etag: string | null | undefined, seen: { version?: number } | null | undefined): string | undefined {
  if (etag && etag.trim() !== '*') return etag;
  return typeof seen?.version === 'number' ? `"v${seen.version}"` : undefined;
}
