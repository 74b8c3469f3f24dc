/**
 * What both bare workers share (loaded beside each as a second module, `serveWorker`'s
 * `modules`): hex decoding, the 401 answer and the 5-minute timestamp window every platform asks.
 */

export function hexToBytes(hex) {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export const refuse = (reason) =>
  new Response(JSON.stringify({ ok: false, reason }), {
    status: 401,
    headers: { "content-type": "application/json" },
  });

/** A request timestamp (seconds) within five minutes of now. */
export const fresh = (ts) => /^\d+$/.test(ts) && Math.abs(Date.now() / 1000 - Number(ts)) <= 300;
