import { defineAction, noArgs } from "../actions/define.ts";
import { actionButton } from "../actions/pack.ts";
import type {
  ActionContext,
  ActionResult,
  FieldErrors,
  FormDefinition,
  FormValues,
} from "../actions/types.ts";
import { type Locale, translator } from "../i18n/index.ts";
import { channelRefusal, refusalText } from "../membership/channel-access.ts";
import { ephemeral, type Form } from "../message.ts";
import type { Community, Effect } from "../model.ts";
import { fitsOneForm } from "../platform.ts";
import { setupChecklist } from "./checklist.ts";
import { BASICS, currentValues, MEETING, SETUP_FORM, setupForm } from "./fields.ts";
import { readSetupState } from "./state.ts";
import { checkSetup } from "./validate.ts";

type Step = (typeof SETUP_FORM)[keyof typeof SETUP_FORM];

/**
 * Builds a step's form, refilled with `initial` (answers kept after errors) or the stored settings;
 * in `locale` with that language chosen, when given (the first form, for an Indonesian installer).
 */
async function build(
  ctx: ActionContext,
  step: Step,
  initial: FormValues | null,
  locale?: Locale,
): Promise<Form> {
  const values = initial ?? groupAsChannel(ctx, currentValues(ctx.community, await readSetupState(ctx)));
  if (!locale || locale === ctx.community.locale) return setupForm(ctx.community, ctx.t, step, values);
  return setupForm(ctx.community, translator(locale), step, { ...values, language: [locale] });
}

/**
 * Where the community is one group chat (Telegram), the group has no channels: guyub posts in the
 * group itself, so the main channel opens as the group, kept with "keep" and never typed.
 */
function groupAsChannel(ctx: ActionContext, values: FormValues): FormValues {
  const none = (values.channel ?? []).length === 0;
  return ctx.traits.community === "group" && none
    ? { ...values, channel: [ctx.community.workspaceId] }
    : values;
}

/** The group itself, on a platform whose community is one group: guyub is in it (it was asked there). */
const isTheGroup = (ctx: ActionContext, channel: string) =>
  ctx.traits.community === "group" && channel === ctx.community.workspaceId;

/**
 * The form `/copmod setup` and the Open setup button open: all of it where one form holds every
 * question (Slack), else step 1 (Discord's five fields). `locale`: the language to open it in
 * when that is not yet the community's (see `installerLanguage`).
 */
export const openSetup = (ctx: ActionContext, locale?: Locale): Promise<Form> =>
  build(
    ctx,
    fitsOneForm(ctx.traits, BASICS.length + MEETING.length) ? SETUP_FORM.all : SETUP_FORM.basics,
    null,
    locale,
  );

/**
 * A valid, complete submission: its effects in one batch, then the checklist read after they
 * were applied, in the language and zone just chosen.
 */
function saved(ctx: ActionContext, effects: Effect[], extra: Effect[] = []): ActionResult {
  const changed = (type: string) => effects.find((e) => e.type === type);
  const locale = changed("community.locale");
  const zone = changed("community.timezone");
  const community: Community = {
    ...ctx.community,
    ...(locale?.type === "community.locale" ? { locale: locale.locale as Locale } : {}),
    ...(zone?.type === "community.timezone" ? { timezone: zone.timezone } : {}),
  };
  const t = translator(community.locale);
  return {
    effects: [...effects, ...extra],
    replyAfter: () => setupChecklist(ctx, community, t, { lead: t("setup.saved"), button: false }),
  };
}

/**
 * The single-setting commands' checks, plus the one `/copmod onboarding channel` and `/copmod report
 * channel` make: a new main or reports channel must be one guyub can post in (asked of the
 * platform), else a field error that says what to do. Asked only when the channel changes.
 */
async function check(ctx: ActionContext, values: FormValues): Promise<FieldErrors | { effects: Effect[] }> {
  const state = await readSetupState(ctx);
  const checked = checkSetup(ctx.community, state, values, ctx.t, ctx.now);
  const errors: Record<string, string> = "errors" in checked ? { ...checked.errors } : {};
  const fields = [
    ["channel", state.mainChannelId],
    ["reportChannel", state.reportChannelId],
  ] as const;
  for (const [id, stored] of fields) {
    const picked = values[id];
    const channel = (typeof picked === "string" ? picked : (picked?.[0] ?? "")).trim();
    if (!channel || channel === stored || isTheGroup(ctx, channel)) continue;
    const refusal = await channelRefusal(ctx.directory, channel);
    if (!refusal) continue;
    const said = refusalText(refusal, ctx.traits, ctx.t, ctx.t("channel.chosen"));
    errors[id] = said.map((piece) => (typeof piece === "string" ? piece : "")).join("");
  }
  return Object.keys(errors).length > 0 ? { errors } : checked;
}

const heldDraft = (ctx: ActionContext) =>
  ctx.store.readFormDraft(ctx.community.id, ctx.member.platformUserId, SETUP_FORM.held);

/** Slack: every setting in one modal. */
export const setupAllForm: FormDefinition = {
  id: SETUP_FORM.all,
  moderator: true,
  build: (ctx, initial) => build(ctx, SETUP_FORM.all, initial),
  async submit(ctx, values): Promise<ActionResult | FieldErrors> {
    const checked = await check(ctx, values);
    return "errors" in checked ? checked : saved(ctx, checked.effects);
  },
};

/** Discord step 1: language, zone, channel, conduct. Checked and held as a draft; no setting changes. */
export const setupBasicsForm: FormDefinition = {
  id: SETUP_FORM.basics,
  moderator: true,
  build: (ctx, initial) => build(ctx, SETUP_FORM.basics, initial),
  async submit(ctx, values): Promise<ActionResult | FieldErrors> {
    const checked = await check(ctx, values);
    const errors = "errors" in checked ? BASICS.filter((id) => checked.errors[id]) : [];
    if ("errors" in checked && errors.length > 0)
      return { errors: Object.fromEntries(errors.map((id) => [id, checked.errors[id] ?? ""])) };
    const basics = Object.fromEntries(BASICS.map((id) => [id, values[id] ?? ""]));
    const next = actionButton(ctx.community, "setup.next", ctx.t("setup.continue"), [], "primary");
    return {
      reply: ephemeral(
        { type: "text", text: ctx.t("setup.step1.kept") },
        { type: "actions", buttons: [next] },
      ),
      effects: [
        {
          type: "form.saveDraft",
          userId: ctx.member.platformUserId,
          formId: SETUP_FORM.held,
          values: basics,
        },
      ],
    };
  },
};

/** Discord step 2: the meetings; both steps are checked again and saved in one batch. */
export const setupMeetingForm: FormDefinition = {
  id: SETUP_FORM.meeting,
  moderator: true,
  build: (ctx, initial) => build(ctx, SETUP_FORM.meeting, initial),
  async submit(ctx, values): Promise<ActionResult | FieldErrors> {
    const held = await heldDraft(ctx);
    if (!held) return startAgain(ctx);
    const all = { ...held, ...values };
    const checked = await check(ctx, all);
    if ("errors" in checked) return checked;
    const drop: Effect = {
      type: "form.clearDraft",
      userId: ctx.member.platformUserId,
      formId: SETUP_FORM.held,
    };
    return saved(ctx, checked.effects, [drop]);
  },
};

/** The first step's answers are gone: nothing was saved, start again. */
function startAgain(ctx: ActionContext): ActionResult {
  const again = actionButton(ctx.community, "setup.open", ctx.t("setup.restart"), [], "primary");
  return {
    reply: ephemeral(
      { type: "text", text: ctx.t("setup.step1.lost") },
      { type: "actions", buttons: [again] },
    ),
  };
}

/** "Open setup" (the checklist's button, and "Start again"). */
export const setupOpen = defineAction({
  id: "setup.open",
  args: noArgs,
  moderator: true,
  handle: async (ctx) => ({ form: await openSetup(ctx) }),
});

/** Discord's "Continue" after step 1 (a modal cannot open a modal): opens step 2. */
export const setupNext = defineAction({
  id: "setup.next",
  args: noArgs,
  moderator: true,
  async handle(ctx) {
    if (!(await heldDraft(ctx))) return startAgain(ctx);
    return { form: await build(ctx, SETUP_FORM.meeting, null) };
  },
});

/** `/copmod setup`'s buttons and forms, for `ACTIONS` and `FORMS`. */
export const SETUP_ACTIONS = [setupOpen, setupNext];
export const SETUP_FORMS: readonly FormDefinition[] = [setupAllForm, setupBasicsForm, setupMeetingForm];
