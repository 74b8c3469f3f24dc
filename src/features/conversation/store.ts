import { sql } from "kysely";
import type { FormValues } from "../../core/actions/types.ts";
import type { FormConversation, FormConversationReads } from "../../core/conversation/types.ts";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import type {} from "./ports.ts";
import type { FormConversationsTable } from "./schema.ts";

const json = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

function row(r: FormConversationsTable): FormConversation {
  return {
    communityId: r.community_id,
    userId: r.user_id,
    formId: r.form_id,
    args: json<string[]>(r.args, []),
    answers: json<FormValues>(r.answers, {}),
    step: r.step,
    reasks: r.reasks,
    expiresAt: new Date(r.expires_at),
  };
}

/** The conversation engine's reads over D1 (src/core/conversation/). */
export function createFormConversationReads(db: Db): FormConversationReads {
  return {
    async open(communityId, userId, now) {
      const found = await db
        .selectFrom("form_conversations")
        .selectAll()
        .where("community_id", "=", communityId)
        .where("user_id", "=", userId)
        .where("expires_at", ">", now.toISOString())
        .executeTakeFirst();
      return found ? row(found) : null;
    },
    async openFor(platform, userId, workspaceId, now) {
      let query = db
        .selectFrom("form_conversations as f")
        .innerJoin("communities as c", "c.id", "f.community_id")
        .select("f.community_id")
        .where("f.user_id", "=", userId)
        .where("c.platform", "=", platform)
        .where("f.expires_at", ">", now.toISOString());
      if (workspaceId !== null) query = query.where("c.workspace_id", "=", workspaceId);
      const rows = await query.orderBy("f.updated_at", "desc").execute();
      return rows.map((r) => r.community_id);
    },
  };
}

/** The store part of the conversation engine's one table (listed in src/features/server.ts). */
export const formConversationStore = featureStore({
  name: "formConversation",
  reads: createFormConversationReads,
  effectTypes: ["formConversation.save", "formConversation.end"],
  effectQueries(db, communityId, effect, now) {
    const at = now.toISOString();
    switch (effect.type) {
      case "formConversation.save":
        return [
          sql`INSERT INTO form_conversations
                (community_id, user_id, form_id, args, answers, step, reasks, expires_at, updated_at)
              VALUES (${communityId}, ${effect.userId}, ${effect.formId}, ${JSON.stringify(effect.args)},
                ${JSON.stringify(effect.answers)}, ${effect.step}, ${effect.reasks}, ${effect.expiresAt}, ${at})
              ON CONFLICT (community_id, user_id) DO UPDATE SET form_id = excluded.form_id,
                args = excluded.args, answers = excluded.answers, step = excluded.step,
                reasks = excluded.reasks, expires_at = excluded.expires_at,
                updated_at = excluded.updated_at`.compile(db),
        ];
      case "formConversation.end":
        return [
          sql`DELETE FROM form_conversations
              WHERE community_id = ${communityId} AND user_id = ${effect.userId}`.compile(db),
        ];
    }
  },
  // The private chat's chosen community is what the conversation is about: kept and erased with it.
  communityTables: ["form_conversations", "private_chat_choices"],
  memberData: {
    // An open draft is what the member typed: exported as it stands, erased with the rest.
    async export(db, communityId, { userId }) {
      const open = await db
        .selectFrom("form_conversations")
        .selectAll()
        .where("community_id", "=", communityId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      const choice = await db
        .selectFrom("private_chat_choices")
        .select("chosen_at")
        .where("community_id", "=", communityId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      const privateChat = choice ? { chosenAt: choice.chosen_at } : null;
      if (!open) return { formConversation: null, privateChat };
      const { formId, answers, step } = row(open);
      return {
        formConversation: { form: formId, answers, question: step + 1, at: open.updated_at },
        privateChat,
      };
    },
    forget(db, communityId, { userId }) {
      return [
        sql`DELETE FROM form_conversations WHERE community_id = ${communityId} AND user_id = ${userId}`.compile(
          db,
        ),
        sql`DELETE FROM private_chat_choices WHERE community_id = ${communityId} AND user_id = ${userId}`.compile(
          db,
        ),
      ];
    },
  },
});
