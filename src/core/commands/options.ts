import { z } from "zod";
import type { Locale, PlainKey } from "../i18n/index.ts";

/**
 * Typed command options. Each option carries its zod schema (what core validates) and its
 * kind (what adapters need: Discord option type, Slack mention parsing).
 */
export type OptionKind = "text" | "link" | "choice" | "user" | "role" | "channel" | "command";

/**
 * The words a member may type for each value of a choice, per language: `yes` is also `hadir` or
 * `ya`. The value itself (English) always works; the first word of a language is the one help,
 * examples and Discord's choice names show in that language. Typed words in any language are
 * accepted whatever the community's language: a bilingual moderator types what comes first.
 */
export type ChoiceWords<V extends string = string> = {
  readonly [K in V]?: Partial<Readonly<Record<Locale, readonly [string, ...string[]]>>>;
};

export interface OptionSpec<S extends z.ZodType = z.ZodType> {
  readonly kind: OptionKind;
  readonly schema: S;
  readonly required: boolean;
  /** Allowed values, for `choice`. */
  readonly choices?: readonly string[];
  /** A choice's words in other languages (`yes`: `hadir`, `ya`), typed and shown (`choice-words.ts`). */
  readonly choiceWords?: ChoiceWords;
  /** Shown in help and Discord registration: the option's localized name and description. */
  readonly label: PlainKey;
  readonly description: PlainKey;
  /** A text option that is last may swallow the rest of the line (Slack: no quotes needed). */
  readonly rest?: boolean;
  /**
   * A rest text handed over as typed (Slack's escaped references, Discord's `<@id>`), not as
   * readable text: for a handler that reads mentions and links out of it (`tokenize`).
   */
  readonly raw?: boolean;
}

/** Platform user and role ids: Slack `U…`/`W…`, Discord snowflakes. */
const platformId = z.string().regex(/^[A-Za-z0-9]{1,32}$/);

export const option = {
  choice<const C extends readonly [string, ...string[]]>(
    choices: C,
    label: PlainKey,
    description: PlainKey,
    choiceWords?: ChoiceWords<C[number]>,
  ): OptionSpec<z.ZodEnum<{ [K in C[number]]: K }>> {
    return {
      kind: "choice",
      schema: z.enum(choices),
      required: true,
      choices,
      label,
      description,
      ...(choiceWords ? { choiceWords } : {}),
    };
  },
  user(label: PlainKey, description: PlainKey): OptionSpec<z.ZodString> {
    return { kind: "user", schema: platformId, required: true, label, description };
  },
  role(label: PlainKey, description: PlainKey): OptionSpec<z.ZodString> {
    return { kind: "role", schema: platformId, required: true, label, description };
  },
  /** A channel: Slack `<#C123|name>` in the text, a Discord channel option. */
  channel(label: PlainKey, description: PlainKey): OptionSpec<z.ZodString> {
    return { kind: "channel", schema: platformId, required: true, label, description };
  },
  /**
   * A link, one word: on Slack the URL of `<https://…>` or `<https://…|label>` (never the label),
   * a Discord string option. Handlers still check it (`parseLink`) to answer in their own words.
   */
  link(label: PlainKey, description: PlainKey, maxLength: number): OptionSpec<z.ZodString> {
    return {
      kind: "link",
      schema: z.string().trim().min(1).max(maxLength),
      required: true,
      label,
      description,
    };
  },
  /** The words of another command (`help language`). */
  command(label: PlainKey, description: PlainKey): OptionSpec<z.ZodString> {
    return {
      kind: "command",
      schema: z.string().trim().min(1).max(64),
      required: true,
      label,
      description,
      rest: true,
    };
  },
  /** Free text of at most `maxLength` characters (code points, as the database's CHECKs count). */
  text(label: PlainKey, description: PlainKey, maxLength: number): OptionSpec<z.ZodString> {
    return {
      kind: "text",
      schema: z
        .string()
        .trim()
        .min(1)
        .check((ctx) => {
          if ([...ctx.value].length <= maxLength) return;
          // zod's own `max` counts UTF-16 units: an emoji would count twice.
          ctx.issues.push({
            code: "too_big",
            origin: "string",
            maximum: maxLength,
            inclusive: true,
            input: ctx.value,
          });
        }),
      required: true,
      label,
      description,
      rest: true,
    };
  },
};

/**
 * Free text kept as typed (see `raw`): the handler tokenizes it itself and stores only readable
 * text. `maxLength` bounds what was typed; the handler checks what it keeps.
 */
export function rawText(label: PlainKey, description: PlainKey, maxLength: number): OptionSpec<z.ZodString> {
  return { ...option.text(label, description, maxLength), raw: true };
}

/** Makes an option optional, keeping its kind. */
export function optional<S extends z.ZodType>(spec: OptionSpec<S>): OptionSpec<z.ZodOptional<S>> {
  return { ...spec, schema: spec.schema.optional(), required: false };
}

export type OptionMap = Record<string, OptionSpec>;
export type ArgsOf<O extends OptionMap> = { [K in keyof O]: z.output<O[K]["schema"]> };

/** The zod object schema for a command's options. */
export function schemaFor<O extends OptionMap>(options: O): z.ZodType<ArgsOf<O>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(options)) shape[name] = spec.schema;
  return z.strictObject(shape) as unknown as z.ZodType<ArgsOf<O>>;
}
