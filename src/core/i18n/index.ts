import type { Inline } from "../message.ts";
import { en, type MessageKey } from "./en.ts";
import { id } from "./id.ts";

export type { MessageKey } from "./en.ts";

export const LOCALES = ["en", "id"] as const;
export type Locale = (typeof LOCALES)[number];

/** The `{name}` placeholders a catalog entry declares, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
export type Params<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string>;
/** Keys whose text has no placeholders: labels, summaries, descriptions. */
export type PlainKey = {
  [K in MessageKey]: Placeholders<(typeof en)[K]> extends never ? K : never;
}[MessageKey];
export type RichParams<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, Inline>;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, id };

export interface Translator {
  readonly locale: Locale;
  /** The message as plain text, placeholders filled with plain strings. */
  <K extends MessageKey>(
    key: K,
    ...params: Placeholders<(typeof en)[K]> extends never ? [] : [Params<K>]
  ): string;
  /** The message as inline pieces, so a placeholder can be a mention or bold text. */
  rich<K extends MessageKey>(key: K, params: RichParams<K>): Inline[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** One translator per locale, built once: every command asks for one (twice), and they never change. */
const translators = new Map<Locale, Translator>();

/** Returns the translator for a locale. */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) {
    t = buildTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

function buildTranslator(locale: Locale): Translator {
  const catalog = catalogs[locale];
  const t = ((key: MessageKey, params?: Record<string, string>) =>
    catalog[key].replace(PLACEHOLDER, (whole, name: string) => params?.[name] ?? whole)) as Translator;
  (t as { locale: Locale }).locale = locale;
  t.rich = (key, params) => {
    const pieces: Inline[] = [];
    const template = catalog[key];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      if (match.index > last) pieces.push(template.slice(last, match.index));
      const value = (params as Record<string, Inline>)[match[1] ?? ""];
      pieces.push(value ?? match[0]);
      last = match.index + match[0].length;
    }
    if (last < template.length) pieces.push(template.slice(last));
    return pieces;
  };
  return Object.freeze(t);
}

/** Every locale's text for a key, for platforms that register localized strings (Discord). */
export function allTranslations(key: MessageKey): Record<Locale, string> {
  return { en: en[key], id: id[key] };
}
