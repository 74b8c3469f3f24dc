import type { Translator } from "../i18n/index.ts";
import { ephemeral, type Message } from "../message.ts";
import type { PlatformTraits } from "../platform.ts";

/**
 * What a member gets instead of a form on a platform that cannot draw one. Null where forms open
 * as modals. A `conversation` platform (questions one message at a time) has no engine in core
 * yet: rather than a modal the platform would drop in silence, the member is told plainly, in the
 * community's language, and nothing changes. Commands and buttons both answer through here.
 */
export function formNotShown(traits: PlatformTraits, t: Translator): Message | null {
  switch (traits.forms) {
    case "modal":
      return null;
    case "conversation":
      return ephemeral({ type: "text", text: t("form.conversation") });
  }
}
