import type { ActionContext } from "../../core/actions/types.ts";

/** What a report's snapshot is bound to: a sealed value moved to another row or field does not open. */
export const snapshotBinding = (communityId: number, subject: string) =>
  `reports:${communityId}:${subject}:snapshot`;

/** What one reporter's reason is bound to. */
export const reasonBinding = (communityId: number, subject: string, reporter: string) =>
  `reports:${communityId}:${subject}:reason:${reporter}`;

/**
 * Opens a sealed text for the card; null when there is none. A value that does not open (a key
 * taken out of the ring) shows as unreadable rather than failing the moderator's press.
 */
export async function openSealed(
  ctx: Pick<ActionContext, "sealer" | "t">,
  envelope: string | null,
  binding: string,
): Promise<string | null> {
  if (envelope === null) return null;
  try {
    if (!ctx.sealer) throw new Error("no sealer wired");
    return await ctx.sealer.open(envelope, binding);
  } catch (error) {
    console.error("reports: a sealed text did not open", { binding, error: String(error) });
    return ctx.t("reports.card.unreadable");
  }
}
