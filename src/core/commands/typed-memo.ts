import { deepFreeze } from "../frozen.ts";
import type { PlatformTraits } from "../platform.ts";
import { parseCommandText, type TypedRoot } from "./parse-text.ts";
import { keepable } from "./run.ts";
import type { Invocation, Registry } from "./types.ts";

/** How many typed texts an isolate keeps per registry and platform (the least recently used go). */
export const KEPT_TEXTS = 500;
/** Longer texts are parsed every time: they are rarely repeated, and kept they would hold memory. */
const KEPT_TEXT_MAX = 256;

const kept = new WeakMap<Registry, WeakMap<PlatformTraits, Map<string, Invocation>>>();

/**
 * `parseCommandText`, with the invocation of a read-only command or of one without arguments
 * (`help`) kept per isolate, keyed by the root and the text: a parse depends on nothing else (no clock, no speaker), and tokenizing and
 * resolving the words cost about as much as answering a kept help page. The kept invocation is
 * frozen and handed out again, so `validateInvocation` keeps its validated arguments too. Input
 * that does not parse throws every time, as before; other commands are parsed every time.
 */
export function parseTypedText(
  registry: Registry,
  platform: PlatformTraits,
  text: string,
  where?: TypedRoot,
): Invocation {
  if (text.length > KEPT_TEXT_MAX) return parseCommandText(registry, platform, text, where);
  let byPlatform = kept.get(registry);
  if (!byPlatform) {
    byPlatform = new WeakMap();
    kept.set(registry, byPlatform);
  }
  let texts = byPlatform.get(platform);
  if (!texts) {
    texts = new Map();
    byPlatform.set(platform, texts);
  }
  const key = `${where?.root ?? ""}\n${where?.memberRootTakesModeratorWords ? 1 : 0}\n${text}`;
  const hit = texts.get(key);
  if (hit) {
    // Most recently used last: the first key is the one to drop.
    texts.delete(key);
    texts.set(key, hit);
    return hit;
  }
  const invocation = parseCommandText(registry, platform, text, where);
  const command = registry.find(invocation.path);
  if (command && keepable(command, invocation.args)) {
    if (texts.size >= KEPT_TEXTS) texts.delete(texts.keys().next().value as string);
    texts.set(key, deepFreeze(invocation));
  }
  return invocation;
}
