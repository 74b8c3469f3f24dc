/**
 * Reads the raw body as UTF-8 text. Signatures cover the exact bytes, so nothing may parse the
 * body before verification. `arrayBuffer()` + TextDecoder avoids workerd's per-request warning
 * for `.text()` on form bodies (measurable CPU under `wrangler dev`).
 */
export async function readRawBody(request: Request): Promise<string> {
  return new TextDecoder().decode(await request.arrayBuffer());
}
