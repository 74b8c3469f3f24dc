import { deepFreeze } from "../core/frozen.ts";

/**
 * A renderer that renders a frozen (shared, never changing) value once per isolate and hands out
 * the same frozen result afterwards: a cached help page is rendered and serialised once, not on
 * every `/cop help`. Any other value is rendered afresh, exactly as before.
 */
export function sharedRender<A extends object, R extends object>(render: (value: A) => R): (value: A) => R {
  const cache = new WeakMap<A, R>();
  return (value) => {
    if (!Object.isFrozen(value)) return render(value);
    let out = cache.get(value);
    if (!out) {
      out = deepFreeze(render(value));
      cache.set(value, out);
    }
    return out;
  };
}

const texts = new WeakMap<object, string>();

/** `JSON.stringify`, kept per frozen value (see `sharedRender`). */
export function jsonText(value: object): string {
  if (!Object.isFrozen(value)) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

const encoder = new TextEncoder();
const bodies = new WeakMap<object, Uint8Array>();
// Response copies its init's headers: one Headers serves every answer, none of them can change it.
const JSON_HEADERS = new Headers({ "content-type": "application/json" });

/**
 * A 200 with `value` as JSON, as Hono's `c.json` answers. A shared (frozen) value's bytes are
 * encoded once per isolate (a `Response` cannot be reused, its bytes can: the body is copied).
 */
export function jsonResponse(value: object): Response {
  let body: string | Uint8Array | undefined;
  if (typeof value === "object" && value !== null && Object.isFrozen(value)) {
    body = bodies.get(value);
    if (!body) {
      body = encoder.encode(jsonText(value));
      bodies.set(value, body);
    }
  } else body = JSON.stringify(value);
  return new Response(body, { status: 200, headers: JSON_HEADERS });
}
