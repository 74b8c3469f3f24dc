import type { Locale } from "../core/i18n/index.ts";
import type { PlatformId } from "../core/platform.ts";
import type { Db } from "./client.ts";

/** A workspace or server guyub was just added to, as the platform's install notice names it. */
export interface InstalledWorkspace {
  readonly platform: PlatformId;
  readonly workspaceId: string;
  readonly name: string | null;
  readonly locale: Locale;
}

/**
 * The community of a workspace guyub was installed into, created if new: one statement, so a
 * retried notice changes nothing. An existing community keeps its settings; only a name it
 * never had (Discord commands carry none) is filled in. Returns whether this call created it.
 */
export async function ensureCommunity(db: Db, workspace: InstalledWorkspace, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const row = await db
    .insertInto("communities")
    .values({
      platform: workspace.platform,
      workspace_id: workspace.workspaceId,
      name: workspace.name,
      locale: workspace.locale,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(["platform", "workspace_id"]).doUpdateSet((eb) => ({
        name: eb.fn.coalesce("communities.name", "excluded.name"),
      })),
    )
    .returning("created_at")
    .executeTakeFirst();
  return row?.created_at === at;
}
