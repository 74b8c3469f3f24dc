import { bindingOf, decrypt, encrypt, envelopeKeyId } from "../secrets/envelope.ts";
import { keyRing } from "../secrets/key-ring.ts";
import type { JobKind } from "./job-kind.ts";
import { quarterHour } from "./periods.ts";

/** Rows one run re-encrypts (each a decrypt, an encrypt and a conditional update). */
export const REENCRYPT_BATCH = 200;

/**
 * Moves stored tokens to the ring's active key after a rotation: due while some row is sealed
 * under another key. A row is rewritten only if it still holds what was read (a refresh or a
 * reinstall in between wins). A row whose key is not in the ring is left alone and logged: the
 * key ring check names it (src/secrets/key-usage.ts).
 */
export const tokenReencrypt: JobKind = {
  name: "token-reencrypt",
  async due(deps) {
    const sealed = await deps.db
      .selectFrom("installations")
      .select("id")
      .where("bot_token", "is not", null)
      .limit(1)
      .executeTakeFirst();
    // Nothing sealed (single-workspace mode): no key is needed, and none is asked for.
    if (!deps.keys || !sealed) return [];
    const ring = await keyRing(deps.keys);
    const prefix = `v1:${ring.active.id}:`;
    const stale = await deps.db
      .selectFrom("installations")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("bot_token", "is not", null), eb("bot_token", "not like", `${prefix}%`)]),
          eb.and([eb("refresh_token", "is not", null), eb("refresh_token", "not like", `${prefix}%`)]),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    return stale ? [{ communityId: 0, period: quarterHour(deps.now) }] : [];
  },
  async run(deps) {
    if (!deps.keys) return { status: "skipped", reason: "no encryption key configured" };
    const ring = await keyRing(deps.keys);
    const prefix = `v1:${ring.active.id}:`;
    const rows = await deps.db
      .selectFrom("installations")
      .select(["id", "platform", "workspace_id", "bot_token", "refresh_token"])
      .where((eb) =>
        eb.or([
          eb.and([eb("bot_token", "is not", null), eb("bot_token", "not like", `${prefix}%`)]),
          eb.and([eb("refresh_token", "is not", null), eb("refresh_token", "not like", `${prefix}%`)]),
        ]),
      )
      .limit(REENCRYPT_BATCH)
      .execute();
    let unreadable = 0;
    for (const row of rows) {
      const reseal = async (field: "bot_token" | "refresh_token") => {
        const value = row[field];
        if (value === null || value.startsWith(prefix)) return value;
        const binding = bindingOf(row.platform, row.workspace_id, field);
        return encrypt(ring, await decrypt(ring, value, binding), binding);
      };
      try {
        const bot = await reseal("bot_token");
        const refresh = await reseal("refresh_token");
        await deps.db
          .updateTable("installations")
          .set({ bot_token: bot, refresh_token: refresh })
          .where("id", "=", row.id)
          .where((eb) =>
            row.bot_token === null ? eb("bot_token", "is", null) : eb("bot_token", "=", row.bot_token),
          )
          .where((eb) =>
            row.refresh_token === null
              ? eb("refresh_token", "is", null)
              : eb("refresh_token", "=", row.refresh_token),
          )
          .execute();
      } catch (error) {
        unreadable += 1;
        console.error("token re-encryption: row left as it is", {
          installation: row.id,
          key: envelopeKeyId(row.bot_token ?? row.refresh_token ?? ""),
          error: String(error),
        });
      }
    }
    return unreadable > 0 && unreadable === rows.length
      ? { status: "skipped", reason: `${unreadable} rows cannot be opened with this key ring` }
      : { status: "done" };
  },
  // Plumbing of the deployment, not of any community: nothing for a community's checklist.
  async nextRun() {
    return null;
  },
};
