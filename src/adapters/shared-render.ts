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
