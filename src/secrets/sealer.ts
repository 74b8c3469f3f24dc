import type { Sealer } from "../core/sealer.ts";
import { decrypt, encrypt } from "./envelope.ts";
import { type KeySecrets, keyRing } from "./key-ring.ts";

/** The core `Sealer` over the key ring the stored tokens use (AES-GCM envelopes, the active key). */
export function keyRingSealer(secrets: KeySecrets): Sealer {
  return {
    seal: async (text, binding) => encrypt(await keyRing(secrets), text, binding),
    open: async (envelope, binding) => decrypt(await keyRing(secrets), envelope, binding),
  };
}
