import type { PlatformTraits } from "../platform.ts";

/**
 * Whether a form opens as a dialog the platform draws (Slack views, Discord modals). Elsewhere
 * (`forms: "conversation"`) the same form is asked one question at a time in the member's private
 * chat (`src/core/conversation/`), and its answers are submitted the way a dialog's are.
 */
export function opensAsModal(traits: PlatformTraits): boolean {
  return traits.forms === "modal";
}
