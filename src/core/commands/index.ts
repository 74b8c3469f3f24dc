import { deliveryPause, deliveryResume, deliveryRetry, deliveryStatus } from "./delivery.ts";
import { help } from "./help.ts";
import { language } from "./language.ts";
import { moderatorsAdd, moderatorsList, moderatorsRemove, moderatorsRole } from "./moderators.ts";
import { profileEdit, profileShow } from "./profile.ts";
import { createRegistry } from "./registry.ts";
import { whoknows } from "./whoknows.ts";

/** Every command guyub knows, in the order help lists them. */
export const registry = createRegistry(
  [
    help,
    language,
    moderatorsList,
    moderatorsAdd,
    moderatorsRemove,
    moderatorsRole,
    deliveryStatus,
    deliveryRetry,
    deliveryPause,
    deliveryResume,
    profileShow,
    profileEdit,
    whoknows,
  ],
  {
    moderators: "cmd.moderators",
    delivery: "cmd.delivery",
    profile: "cmd.profile",
  },
);

export type { Registry } from "./registry.ts";
export type { Command, CommandContext, CommandResult, CommandSyntax, Invocation } from "./types.ts";
