import type { Locale } from "../i18n/index.ts";
import type { OptionSpec } from "./options.ts";

/** The value a typed word means (`hadir` → `yes`), or the word itself (then refused as a bad choice). */
export function choiceValue(spec: OptionSpec, typed: string): string {
  const word = typed.toLowerCase();
  if (!spec.choices || spec.choices.includes(word)) return word;
  for (const value of spec.choices) {
    const words = Object.values(spec.choiceWords?.[value] ?? {}).flat();
    if (words.includes(word)) return value;
  }
  return word;
}

/** How a value is shown in a language: its first word there, else the value (`yes` → `hadir`). */
export function choiceName(spec: OptionSpec, value: string, locale: Locale): string {
  return spec.choiceWords?.[value]?.[locale]?.[0] ?? value;
}

/**
 * Subcommand words with an Indonesian form (`/cop nudges nonaktif`, `/cop digest aktif`): the
 * English word stays the command's name (Discord sends it whichever name the client showed), the
 * Indonesian one is accepted when typed and shown to Indonesian Discord clients.
 */
export const SUBCOMMAND_WORDS: Readonly<Record<string, Partial<Readonly<Record<Locale, string>>>>> = {
  on: { id: "aktif" },
  off: { id: "nonaktif" },
};

/** The subcommand a typed word names (`nonaktif` → `off`), or the word itself. */
export function subcommandWord(typed: string): string {
  const word = typed.toLowerCase();
  for (const [name, words] of Object.entries(SUBCOMMAND_WORDS))
    if (Object.values(words).includes(word)) return name;
  return word;
}
