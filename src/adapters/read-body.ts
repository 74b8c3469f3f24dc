import { HttpError } from "../core/errors.ts";

/** Bodies above this are refused with 413 (app.ts applies it to every route before reading). */
export const MAX_BODY_BYTES = 64 * 1024;

// `decode` without `stream` keeps no state between calls: one decoder serves every request.
const decoder = new TextDecoder();

/**
 * Reads the raw body as UTF-8 text, in one `arrayBuffer()`. Signatures cover the exact bytes,
 * so nothing may parse the body before verification. `arrayBuffer()` + TextDecoder avoids
 * workerd's per-request warning for `.text()` on form bodies (measurable CPU under
 * `wrangler dev`). The body limit in front of the routes trusts a `content-length` header and
 * streams only a body without one; a body longer than the length it declared (possible between
 * Workers, where no HTTP framing cuts it) is refused here, once its size is known.
 */
export async function readRawBody(request: Request): Promise<string> {
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES)
    throw new HttpError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  return decoder.decode(bytes);
}
