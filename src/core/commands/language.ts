import { LOCALES, translator } from "../i18n/index.ts";
import { ephemeral } from "../message.ts";
import { defineCommand } from "./define.ts";
import { option } from "./options.ts";

/** `/copmod language en|id`: the one language guyub speaks in this community. */
export const language = defineCommand({
  path: ["language"],
  summary: "cmd.language",
  options: { language: option.choice(LOCALES, "arg.language", "arg.language.help") },
  moderator: true,
  example: { language: "id" },
  handle(ctx, { language: locale }) {
    if (locale === ctx.community.locale) {
      return {
        message: ephemeral({
          type: "text",
          text: ctx.t("languageSet.unchanged", { language: ctx.t(`language.${locale}`) }),
        }),
      };
    }
    // Answer in the language just chosen: the moderator sees at once how members will read guyub.
    const t = translator(locale);
    return {
      message: ephemeral({
        type: "text",
        text: t("languageSet.done", { language: t(`language.${locale}`) }),
      }),
      effects: [{ type: "community.locale", locale }],
    };
  },
});
