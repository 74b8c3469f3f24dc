import type { Feature } from "../core/feature.ts";
import { digest } from "./digest/index.ts";
import { kudos } from "./kudos/index.ts";
import { meetings } from "./meetings/index.ts";
import { membership } from "./membership/index.ts";
import { nudges } from "./nudges/index.ts";
import { profile } from "./profile/index.ts";
import { reports } from "./reports/index.ts";
import { rotation } from "./rotation/index.ts";
import { topics } from "./topics/index.ts";

/**
 * Every feature's core part, one line each, in the order help and Discord's registration list
 * their commands (after the built-in help, setup, language, moderators and delivery).
 */
export const FEATURES: readonly Feature[] = [
  profile,
  kudos,
  membership,
  nudges,
  digest,
  meetings,
  rotation,
  topics,
  reports,
];
