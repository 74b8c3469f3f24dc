import type { KeyRing } from "./key-ring.ts";

/**
 * Tokens at rest: AES-256-GCM through WebCrypto, a fresh 12-byte IV per value, and the row and
 * field it belongs to as associated data, so a ciphertext copied into another workspace's row
 * (or into another field) does not decrypt. Stored as `v1:<key id>:<iv>:<ciphertext>`, both
 * base64url; the key id says which key of the ring opens it.
 */
const VERSION = "v1";
const IV_BYTES = 12;

/** What a value is bound to: e.g. `installations:slack:T0123:bot_token`. */
export type Binding = string;

/** The binding of one field of a workspace's installation. */
export function bindingOf(platform: string, workspaceId: string, field: string): Binding {
  return `installations:${platform}:${workspaceId}:${field}`;
}

export class DecryptError extends Error {
  constructor(
    readonly kind: "malformed" | "unknown_key" | "not_authentic",
    readonly keyId: string | null,
    message: string,
  ) {
    super(message);
    this.name = "DecryptError";
  }
}

export async function encrypt(ring: KeyRing, plaintext: string, binding: Binding): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(binding) },
    ring.active.key,
    new TextEncoder().encode(plaintext),
  );
  return [VERSION, ring.active.id, base64url(iv), base64url(new Uint8Array(sealed))].join(":");
}

/** Opens an envelope; throws `DecryptError` (never the value) when it cannot. */
export async function decrypt(ring: KeyRing, envelope: string, binding: Binding): Promise<string> {
  const parts = envelope.split(":");
  const [version, keyId, iv, sealed] = parts;
  if (parts.length !== 4 || version !== VERSION || !keyId || !iv || !sealed)
    throw new DecryptError("malformed", null, "the stored value is not a v1 envelope");
  const key = ring.keys.get(keyId);
  if (!key)
    throw new DecryptError(
      "unknown_key",
      keyId,
      `it was encrypted with key "${keyId}", which is not in the ring`,
    );
  let bytes: { iv: Uint8Array; sealed: Uint8Array };
  try {
    bytes = { iv: fromBase64url(iv), sealed: fromBase64url(sealed) };
  } catch {
    throw new DecryptError("malformed", keyId, "the stored value is not valid base64url");
  }
  try {
    const opened = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.iv, additionalData: new TextEncoder().encode(binding) },
      key.key,
      bytes.sealed,
    );
    return new TextDecoder().decode(opened);
  } catch {
    throw new DecryptError(
      "not_authentic",
      keyId,
      `it does not open with key "${keyId}" for this row (altered, or copied from another row)`,
    );
  }
}

/** The key id an envelope names, or null when it is not one. */
export function envelopeKeyId(envelope: string): string | null {
  const [version, keyId] = envelope.split(":");
  return version === VERSION && keyId ? keyId : null;
}

function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded + "=".repeat((4 - (padded.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
