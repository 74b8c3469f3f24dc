import { FEATURES } from "../../features/index.ts";
import type { PlainKey } from "../i18n/index.ts";
import { deliveryPause, deliveryResume, deliveryRetry, deliveryUnblock } from "./delivery.ts";
import { deliveryStatus } from "./delivery-status.ts";
import { help } from "./help.ts";
import { language } from "./language.ts";
import { moderatorsAdd, moderatorsList, moderatorsRemove, moderatorsRole } from "./moderators.ts";
import { createRegistry } from "./registry.ts";
import { setup } from "./setup.ts";

/** The help line of each group word: the built-in ones, then each feature's (`Feature.groups`). */
export const GROUP_SUMMARIES: Readonly<Record<string, PlainKey>> = Object.assign(
  { moderators: "cmd.moderators", delivery: "cmd.delivery" },
  ...FEATURES.map((feature) => feature.groups ?? {}),
);

/**
 * Every command guyub knows, in the order help and Discord's registration list them: the built-in
 * ones, then each feature's (`src/features/index.ts`).
 */
export const registry = createRegistry(
  [
    help,
    setup,
    language,
    moderatorsList,
    moderatorsAdd,
    moderatorsRemove,
    moderatorsRole,
    deliveryStatus,
    deliveryRetry,
    deliveryPause,
    deliveryResume,
    deliveryUnblock,
    ...FEATURES.flatMap((feature) => feature.commands),
  ],
  GROUP_SUMMARIES,
);

export type {
  Command,
  CommandContext,
  CommandResult,
  CommandSyntax,
  Invocation,
  Registry,
} from "./types.ts";
