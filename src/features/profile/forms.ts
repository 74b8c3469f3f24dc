import { actionButton } from "../../core/actions/pack.ts";
import type { ActionContext, ActionResult, FieldErrors, FormDefinition } from "../../core/actions/types.ts";
import { DAY_MS } from "../../core/durations.ts";
import { ephemeral, type Form, type Message } from "../../core/message.ts";
import type { Effect } from "../../core/model.ts";
import { fitsOneForm } from "../../core/platform.ts";
import { introTopicEffects } from "../topics/intro.ts";
import { FIELD, type ProfileAnswers } from "./answers.ts";
import { aboutValues, INTRO_FORM, introForm, profileValues } from "./fields.ts";
import { introDraft } from "./intro-post.ts";
import type { IntroState } from "./ports.ts";
import { checkAbout, checkChoices, checkProfile } from "./validate.ts";

/** Questions of the whole intro form: one modal where the platform's holds them all, else two steps. */
const INTRO_QUESTIONS = Object.keys(FIELD).length;

/** How long the Discord form's first step waits for the second. */
export const DRAFT_TTL_MS = DAY_MS;

function freshDraft(ctx: ActionContext, state: IntroState) {
  return state.draft && ctx.now.getTime() - state.draft.updatedAt.getTime() < DRAFT_TTL_MS
    ? state.draft
    : null;
}

/**
 * The intro form as it opens for this member, refilled with their earlier answers: all questions
 * where one form holds them (Slack); else the first of two steps (Discord's five fields; its own
 * pending answers first, else the profile's).
 */
export async function openIntro(ctx: ActionContext): Promise<Form> {
  const state = await ctx.store.profiles.introState(ctx.community.id, ctx.member.id);
  const saved = state.profile ? profileValues(state.profile) : null;
  if (fitsOneForm(ctx.traits, INTRO_QUESTIONS)) return introForm(ctx.community, ctx.t, INTRO_FORM.all, saved);
  const draft = freshDraft(ctx, state);
  return introForm(ctx.community, ctx.t, INTRO_FORM.about, draft ? aboutValues(draft.answers) : saved);
}

/** The answer when the Discord form's first step is gone: nothing saved, start again. */
export function startAgain(ctx: ActionContext): ActionResult {
  return {
    reply: ephemeral(
      { type: "text", text: ctx.t("intro.step2.lost") },
      {
        type: "actions",
        buttons: [actionButton(ctx.community, "intro.open", ctx.t("intro.restart"), [], "primary")],
      },
    ),
  };
}

/**
 * Saves a complete, valid profile in one batch (profile, dropped draft, and the introduction).
 * The introduction is drafted only on the member's first save, only with their consent, and only
 * when the community has a main channel; its outbox key makes even racing first saves post once.
 */
async function save(ctx: ActionContext, state: IntroState, answers: ProfileAnswers): Promise<ActionResult> {
  const me = ctx.member.platformUserId;
  const previous = state.profile?.needs ?? null;
  // The backlog only when the need is new: it may name an open topic's subject.
  const open =
    answers.needs.trim() !== (previous?.trim() ?? "")
      ? await ctx.store.topics.backlog(ctx.community.id, me)
      : [];
  const effects: Effect[] = [
    { type: "profile.save", memberId: ctx.member.id, answers },
    // The need becomes a topic suggestion, or support for an open topic on the same subject
    // (first save or a changed need; named only with consent).
    ...introTopicEffects(me, previous, answers, open),
  ];
  const first = state.profile === null;
  const channel = state.mainChannelId;
  const post = first && answers.introConsent && channel !== null;
  if (post) effects.push({ type: "outbox.send", draft: introDraft(ctx.t, ctx.member, answers, channel) });
  const usage = `${ctx.syntax.prefix} profile show`;
  const lines = first ? [ctx.t("intro.saved.first", { usage })] : [ctx.t("intro.saved.updated")];
  if (post) lines.push(ctx.t("intro.saved.posted"));
  const reply: Message = ephemeral({ type: "text", text: lines.join(" ") });
  return { reply, effects };
}

/** Slack: every question in one modal. */
export const introAllForm: FormDefinition = {
  id: INTRO_FORM.all,
  moderator: false,
  build: (ctx, initial) => introForm(ctx.community, ctx.t, INTRO_FORM.all, initial),
  async submit(ctx, values): Promise<ActionResult | FieldErrors> {
    const checked = checkProfile(values, ctx.t);
    if ("errors" in checked) return checked;
    return save(ctx, await ctx.store.profiles.introState(ctx.community.id, ctx.member.id), checked.answers);
  },
};

/** Discord step 1: the three written answers, kept as a draft; nothing reaches the profile yet. */
export const introAboutForm: FormDefinition = {
  id: INTRO_FORM.about,
  moderator: false,
  build: (ctx, initial) => introForm(ctx.community, ctx.t, INTRO_FORM.about, initial),
  submit(ctx, values): ActionResult | FieldErrors {
    const checked = checkAbout(values, ctx.t);
    if ("errors" in checked) return checked;
    const next = actionButton(ctx.community, "intro.next", ctx.t("intro.continue"), [], "primary");
    return {
      reply: ephemeral(
        { type: "text", text: ctx.t("intro.step1.saved") },
        { type: "actions", buttons: [next] },
      ),
      effects: [{ type: "profile.draft", memberId: ctx.member.id, answers: checked.answers }],
    };
  },
};

/** Discord step 2: the choices; validates both steps and saves the profile in one batch. */
export const introChoicesForm: FormDefinition = {
  id: INTRO_FORM.choices,
  moderator: false,
  build: (ctx, initial) => introForm(ctx.community, ctx.t, INTRO_FORM.choices, initial),
  async submit(ctx, values): Promise<ActionResult | FieldErrors> {
    const state = await ctx.store.profiles.introState(ctx.community.id, ctx.member.id);
    const draft = freshDraft(ctx, state);
    // The first step's answers were valid when kept; checked again so the profile only ever
    // holds answers that pass today's rules.
    const about = draft ? checkAbout(aboutValues(draft.answers), ctx.t) : null;
    if (!about || "errors" in about) return startAgain(ctx);
    const choices = checkChoices(values, ctx.t);
    if ("errors" in choices) return choices;
    return save(ctx, state, { ...about.answers, ...choices.answers });
  },
};

/** The next step's form for the Discord "Continue" button, refilled from the saved profile. */
export async function openChoices(ctx: ActionContext): Promise<ActionResult> {
  const state = await ctx.store.profiles.introState(ctx.community.id, ctx.member.id);
  if (!freshDraft(ctx, state)) return startAgain(ctx);
  const saved = state.profile ? profileValues(state.profile) : null;
  return { form: introForm(ctx.community, ctx.t, INTRO_FORM.choices, saved) };
}
