import type { Feature } from "../../core/feature.ts";
import { PROFILE_ACTIONS, PROFILE_FORMS } from "./actions.ts";
import { profileEdit, profileShow } from "./command.ts";
import { whoknows } from "./whoknows.ts";

/**
 * Profile: `/cop profile show|edit`, `/cop whoknows`, and the intro form with its buttons (the
 * welcome DM carries "Introduce yourself"). Its core part; the store part is `store.ts` (reads
 * under `ctx.store.profiles`), the tables `schema.ts`, the strings `strings-en.ts`/`strings-id.ts`.
 */
export const profile: Feature = {
  name: "profile",
  commands: [profileShow, profileEdit, whoknows],
  groups: { profile: "cmd.profile" },
  actions: PROFILE_ACTIONS,
  forms: PROFILE_FORMS,
};
