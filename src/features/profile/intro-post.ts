import type { OutboxDraft } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Field, Message } from "../../core/message.ts";
import type { Member } from "../../core/model.ts";
import type { AboutAnswers } from "./answers.ts";

/** The outbox key of a member's introduction: one per member and community, ever. */
export function introKey(member: Pick<Member, "platformUserId">): string {
  return `intro:${member.platformUserId}`;
}

/**
 * The public introduction: who the newcomer is, what they do, can share and would like help with.
 * The newcomer is the only mention; everything they wrote stays plain strings, which every
 * renderer escapes (`<!channel>` or `@everyone` in an answer pings nobody).
 */
export function introMessage(
  t: Translator,
  member: Pick<Member, "platformUserId">,
  about: AboutAnswers,
): Message {
  const fields: Field[] = [
    { label: t("intro.post.does"), value: about.does },
    { label: t("intro.post.shares"), value: about.shares },
  ];
  if (about.needs) fields.push({ label: t("intro.post.needs"), value: about.needs });
  return {
    visibility: "public",
    blocks: [
      {
        type: "section",
        text: t.rich("intro.post.welcome", { member: { user: member.platformUserId } }),
        fields,
      },
      { type: "context", text: t("intro.post.footer") },
    ],
  };
}

/** The introduction as an outbox draft for the community's main channel. */
export function introDraft(
  t: Translator,
  member: Pick<Member, "platformUserId">,
  about: AboutAnswers,
  channelId: string,
): OutboxDraft {
  return { kind: "post", key: introKey(member), channelId, message: introMessage(t, member, about) };
}
