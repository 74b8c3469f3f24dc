import type { Button } from "../message.ts";
import type { Community } from "../model.ts";

/**
 * The most UTF-8 bytes a packed id may take: the smallest any platform guyub speaks to allows
 * (Telegram's `callback_data` is 64 bytes; Discord's `custom_id` 100 characters, Slack's
 * `action_id` 255). Every id core can build fits it, whatever platform the message goes to, so no
 * message is ever built per platform; an adapter whose `maxButtonIdBytes` is below it fails
 * `test/button-ids.test.ts`, which also packs every button and form with its longest arguments.
 */
export const PACKED_MAX_BYTES = 64;
const bytes = (text: string) => new TextEncoder().encode(text).length;
const WORD = /^[a-z][a-z0-9.-]{0,31}$/;
const ARG = /^[^:]{0,64}$/;

/** A button's or form's identity as it travels through the platform. */
export interface Packed {
  readonly id: string;
  readonly communityId: number;
  readonly args: readonly string[];
}

/** `<id>:<communityId>:<arg>…`. Throws when it would not fit `PACKED_MAX_BYTES`. */
export function pack(id: string, communityId: number, args: readonly string[] = []): string {
  if (!WORD.test(id)) throw new Error(`bad action id "${id}"`);
  for (const arg of args) if (!ARG.test(arg)) throw new Error(`bad action argument "${arg}"`);
  const packed = [id, String(communityId), ...args].join(":");
  if (bytes(packed) > PACKED_MAX_BYTES) throw new Error(`packed action too long: ${packed}`);
  return packed;
}

/** The inverse of `pack`; undefined for anything guyub did not pack. */
export function unpack(packed: string): Packed | undefined {
  const [id, community, ...args] = packed.split(":");
  if (!id || !WORD.test(id) || !community || !/^\d{1,15}$/.test(community)) return undefined;
  return { id, communityId: Number(community), args };
}

/**
 * A button for a neutral message: its `actionId` is the definition's id and its `value` the rest
 * of the packed string, so renderers can send `actionId:value` as the platform's id.
 */
export function actionButton(
  community: Pick<Community, "id">,
  id: string,
  label: string,
  args: readonly string[] = [],
  style?: Button["style"],
): Button {
  const packed = pack(id, community.id, args);
  return { actionId: id, value: packed.slice(id.length + 1), label, ...(style ? { style } : {}) };
}

/** A form's id, packed like a button's. */
export function formId(community: Pick<Community, "id">, id: string, args: readonly string[] = []): string {
  return pack(id, community.id, args);
}
