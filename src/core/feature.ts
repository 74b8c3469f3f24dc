import type { Action } from "./actions/define.ts";
import type { MessageAction } from "./actions/message-types.ts";
import type { FormDefinition } from "./actions/types.ts";
import type { Command } from "./commands/types.ts";
import type { DigestSection } from "./digest/section.ts";
import type { PlainKey } from "./i18n/index.ts";

/**
 * A feature's core part, listed once in `src/features/index.ts`: its commands (in the order help
 * and Discord's registration list them), the help line of each group word it adds, its buttons
 * and forms. Its state
 * (`FeatureEffects`, `FeatureReads`, `FeatureTables`) is declared from its folder by declaration
 * merging, its store part is listed in `src/features/server.ts` and its strings in
 * `src/features/catalog.ts` (docs/architecture.md, *Feature folders*).
 */
export interface Feature {
  readonly name: string;
  readonly commands: readonly Command[];
  /** The help line of each group word (`meeting`, `topic`) the feature's commands start with. */
  readonly groups?: Readonly<Record<string, PlainKey>>;
  /** Its buttons and forms, by id (`ACTIONS` and `FORMS`, src/core/actions/index.ts, read them from here). */
  readonly actions?: readonly Action[];
  readonly forms?: readonly FormDefinition[];
  /** Its actions on a message (`MESSAGE_ACTIONS`): a Slack message shortcut, a Discord message command. */
  readonly messageActions?: readonly MessageAction[];
  /**
   * Its section of the weekly digest (`digestSection`, src/core/digest/section.ts): its rendering
   * and emptiness test over the week its store part read (`FeatureStore.digestWeek`).
   */
  readonly digest?: DigestSection;
}
