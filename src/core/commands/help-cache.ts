import { deepFreeze } from "../frozen.ts";
import type { Message } from "../message.ts";
import type { CommandContext, Registry } from "./types.ts";

/**
 * Help pages, built once per isolate and kept. A page depends only on the registry, the platform,
 * the language, the command prefixes (both roots) and syntax, and which page for whom (`key`: the index for a
 * member, a moderator or someone whose status is unknown; one word; one command), never on the
 * community's state, so the seventy-command index is not rebuilt for every `/cop help`. Pages
 * are frozen: a renderer that tried to change a shared page would throw, not leak into the next
 * reply. Bounded by the registry: keys come from resolved commands, never from raw input.
 */
const pages = new WeakMap<Registry, Map<string, Message>>();

export function cachedPage(
  ctx: Pick<CommandContext, "registry" | "platform" | "traits" | "t" | "syntax">,
  key: string,
  build: () => Message,
): Message {
  let byKey = pages.get(ctx.registry);
  if (!byKey) {
    byKey = new Map();
    pages.set(ctx.registry, byKey);
  }
  const { prefix, moderatorPrefix, namedOptions } = ctx.syntax;
  const full = `${ctx.platform}\n${ctx.traits.forms}\n${ctx.t.locale}\n${prefix}\n${moderatorPrefix}\n${namedOptions}\n${key}`;
  let page = byKey.get(full);
  if (!page) {
    page = deepFreeze(build());
    // Prefixes are the command's name as Slack sends it (one or two per app): a safety bound only.
    if (byKey.size >= 1000) byKey.clear();
    byKey.set(full, page);
  }
  return page;
}
