import { z } from "zod";
import type { FormValues } from "../../core/actions/types.ts";
import type { Translator } from "../../core/i18n/index.ts";
import {
  type AboutAnswers,
  answerLength,
  BENEFITS,
  type ChoiceAnswers,
  cleanAnswer,
  FIELD,
  FREQUENCIES,
  MAX_ANSWER,
  YES_NO,
} from "./answers.ts";

/** Either the answers, or field id → localized message (and then nothing may be saved). */
export type Checked<T> = { readonly answers: T } | { readonly errors: Record<string, string> };

// What a platform may hand us for one field: a text input's string, a select's chosen values.
const fieldValue = z.union([z.string(), z.array(z.string())]).optional();

/** Collects per-field results; any error makes the whole form invalid. */
class Checker {
  readonly errors: Record<string, string> = {};
  constructor(
    private readonly values: FormValues,
    private readonly t: Translator,
  ) {}

  text(id: string, required: boolean): string {
    const parsed = fieldValue.safeParse(this.values[id]);
    const raw = parsed.success ? parsed.data : undefined;
    if (Array.isArray(raw)) return this.fail(id, "intro.error.required", "");
    const text = cleanAnswer(raw ?? "");
    if (required && text === "") return this.fail(id, "intro.error.required", "");
    const count = answerLength(text);
    if (count > MAX_ANSWER) {
      this.errors[id] = this.t("intro.error.tooLong", { max: String(MAX_ANSWER), count: String(count) });
    }
    return text;
  }

  /** Chosen values of a select, each from `allowed`, without repeats. */
  choices<T extends string>(id: string, allowed: readonly T[]): T[] {
    const parsed = fieldValue.safeParse(this.values[id]);
    const raw = parsed.success ? parsed.data : undefined;
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const known = z.array(z.enum(allowed as unknown as [T, ...T[]])).safeParse(list);
    if (!known.success) return this.fail(id, "intro.error.choice", []);
    return [...new Set(known.data)];
  }

  /** Exactly one value from `allowed`. */
  one<T extends string>(id: string, allowed: readonly T[]): T | undefined {
    const chosen = this.choices(id, allowed);
    if (this.errors[id]) return undefined;
    if (chosen.length === 0) return this.fail(id, "intro.error.required", undefined);
    if (chosen.length > 1) return this.fail(id, "intro.error.oneChoice", undefined);
    return chosen[0];
  }

  private fail<T>(
    id: string,
    key: "intro.error.required" | "intro.error.choice" | "intro.error.oneChoice",
    value: T,
  ): T {
    this.errors[id] = this.t(key);
    return value;
  }

  result<T>(answers: T): Checked<T> {
    return Object.keys(this.errors).length > 0 ? { errors: this.errors } : { answers };
  }
}

/** The free-text answers: what I do and what I can share are required, needs optional. */
export function checkAbout(values: FormValues, t: Translator): Checked<AboutAnswers> {
  const check = new Checker(values, t);
  const answers = {
    does: check.text(FIELD.does, true),
    shares: check.text(FIELD.shares, true),
    needs: check.text(FIELD.needs, false),
  };
  return check.result(answers);
}

/** The choices: benefits optional (any of the six), frequency and both consents required. */
export function checkChoices(values: FormValues, t: Translator): Checked<ChoiceAnswers> {
  const check = new Checker(values, t);
  const benefits = check.choices(FIELD.benefits, BENEFITS);
  const frequency = check.one(FIELD.frequency, FREQUENCIES);
  const intro = check.one(FIELD.intro, YES_NO);
  const findable = check.one(FIELD.findable, YES_NO);
  return check.result({
    benefits,
    frequency: frequency ?? "flexible",
    introConsent: intro === "yes",
    findable: findable === "yes",
  });
}

/** Both steps at once (the Slack form, or the Discord draft plus step two); errors from both. */
export function checkProfile(values: FormValues, t: Translator): Checked<AboutAnswers & ChoiceAnswers> {
  const about = checkAbout(values, t);
  const choices = checkChoices(values, t);
  if ("errors" in about || "errors" in choices) {
    return {
      errors: { ...("errors" in about ? about.errors : {}), ...("errors" in choices ? choices.errors : {}) },
    };
  }
  return { answers: { ...about.answers, ...choices.answers } };
}
