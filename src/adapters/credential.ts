/**
 * An opaque id of a bot token: the first 16 hex digits of its SHA-256. Stored with a
 * workspace-wide delivery block so that guyub notices a new token (a reinstall, a rotated
 * secret) and tries again; the token itself never leaves the adapter.
 */
export async function credentialId(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`guyub-credential:${token}`));
  return [...new Uint8Array(digest)]
    .slice(0, 8)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** `credentialId` computed once per sender. */
export function credentialOnce(token: string): () => Promise<string> {
  let id: Promise<string> | undefined;
  return () => {
    id ??= credentialId(token);
    return id;
  };
}
