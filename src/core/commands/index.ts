import { deliveryPause, deliveryResume, deliveryRetry, deliveryStatus } from "./delivery.ts";
import { help } from "./help.ts";
import { language } from "./language.ts";
import { moderatorsAdd, moderatorsList, moderatorsRemove, moderatorsRole } from "./moderators.ts";
import { createRegistry } from "./registry.ts";

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
  ],
  {
    moderators: "cmd.moderators",
    delivery: "cmd.delivery",
  },
);

export type { Registry } from "./registry.ts";
export type { Command, CommandContext, CommandResult, CommandSyntax, Invocation } from "./types.ts";
