import { z } from "zod";
import { defineAction } from "../../core/actions/define.ts";
import type { FormDefinition } from "../../core/actions/types.ts";
import { introAboutForm, introAllForm, introChoicesForm, openChoices, openIntro } from "./forms.ts";

const none = z.array(z.string()).max(0);

/**
 * "Introduce yourself": opens the intro form with the member's earlier answers. The welcome DM
 * carries this button, and `/cop profile show` offers it to members without a profile.
 */
export const introOpen = defineAction({
  id: "intro.open",
  args: none,
  moderator: false,
  handle: async (ctx) => ({ form: await openIntro(ctx) }),
});

/** Discord's "Continue" after the first step: opens the second (a modal cannot open a modal). */
export const introNext = defineAction({
  id: "intro.next",
  args: none,
  moderator: false,
  handle: (ctx) => openChoices(ctx),
});

/** The profile feature's buttons and forms, for `ACTIONS` and `FORMS`. */
export const PROFILE_ACTIONS = [introOpen, introNext];
export const PROFILE_FORMS: readonly FormDefinition[] = [introAllForm, introAboutForm, introChoicesForm];
