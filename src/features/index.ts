import type { FeatureDigest } from "../core/digest/section.ts";
import type { Feature } from "../core/feature.ts";
import { audit } from "./audit/index.ts";
import { dashboard } from "./dashboard/index.ts";
import { digest } from "./digest/index.ts";
import { kudos } from "./kudos/index.ts";
import { meetings } from "./meetings/index.ts";
import { membership } from "./membership/index.ts";
import { memory } from "./memory/index.ts";
import { nudges } from "./nudges/index.ts";
import { privacy } from "./privacy/index.ts";
import { profile } from "./profile/index.ts";
import { reports } from "./reports/index.ts";
import { rotation } from "./rotation/index.ts";
import { search } from "./search/index.ts";
import { topics } from "./topics/index.ts";

/**
 * Every feature's core part, one line each, in the order help and Discord's registration list
 * their commands (after the built-in help, setup, language, moderators and delivery).
 */
const LISTED = [
  profile,
  privacy,
  kudos,
  membership,
  nudges,
  digest,
  meetings,
  rotation,
  topics,
  memory,
  search,
  audit,
  reports,
  dashboard,
] as const;
export const FEATURES: readonly Feature[] = LISTED;

// A feature that declared a digest section's data (`FeatureDigest`) but whose core part listed
// here has no `digest` fails the typecheck on this line, naming it (its data would be read and
// never shown). Its part is declared with `satisfies Feature`, so its type keeps the section.
type Sectioned = Extract<(typeof LISTED)[number], { readonly digest: unknown }>["digest"]["name"];
type Unsectioned = Exclude<keyof FeatureDigest, Sectioned>;
export const EVERY_DIGEST_SECTION_LISTED: [Unsectioned] extends [never] ? true : Unsectioned = true;
