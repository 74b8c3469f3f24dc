import { HOUR_MS } from "../../core/durations.ts";
import { DuplicateDeliveryError } from "../../core/errors.ts";
import type { DirectoryPage } from "../../core/membership/directory.ts";
import type { Community, Effect } from "../../core/model.ts";
import { applyAndEnqueue } from "../../jobs/apply.ts";
import type { JobDeps } from "../../jobs/job-kind.ts";
import type { SyncPage } from "./effects.ts";
import { type SyncState, storedStates } from "./sync-store.ts";
import { welcomeDraft } from "./welcome.ts";

/**
 * Applies one page: compares it with the stored rows (one read), then writes the upsert, the
 * cursor, the counts and any welcomes in one batch. The batch carries an ingress key per
 * (pass, page): two runs that reach the same page apply it once, so counts never double.
 * Returns the state after the page, or null when another run already applied it.
 */
export async function applySyncPage(
  deps: JobDeps,
  community: Community,
  state: SyncState,
  page: DirectoryPage,
): Promise<SyncState | null> {
  const at = deps.now.toISOString();
  const pass = state.pass ?? at;
  const pageNumber = state.pass ? state.pages : 0;
  const listed = page.members.filter((m) => !m.isBot && !m.deleted);
  // Whoever asked guyub to forget them is left out entirely: no row, no welcome, no page entry.
  const forgotten = await deps.store.privacy.forgottenAmong(
    community.id,
    listed.map((m) => m.userId),
  );
  const humans = listed.filter((m) => !forgotten.has(m.userId));
  const stored = await storedStates(
    deps.db,
    community.id,
    humans.map((m) => m.userId),
  );
  const fresh = humans.filter((m) => !stored.has(m.userId));
  const cameBack = humans.filter((m) => {
    const row = stored.get(m.userId);
    return row?.status === "alumni" && row.leftReason === "gone";
  });
  const seen = (state.pass ? state.seen : 0) + humans.length;
  const ends = page.next === null;
  // Before the first full pass has ended, everyone found was here before guyub (a founder): no
  // welcome storm. After it, whoever is new is a newcomer and welcomed.
  const founders = !state.firstCompleted;
  const welcomed = founders ? [] : fresh.map((m) => m.userId);
  const syncPage: SyncPage = {
    pass,
    pageNumber,
    next: page.next,
    present: humans.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      joinedAt: m.joinedAt ?? at,
    })),
    welcomed,
    founders,
    // The first pass finds who is already here: nobody "joined".
    joined: state.firstCompleted ? fresh.length + cameBack.length : 0,
    nextRunAt: ends ? new Date(deps.now.getTime() + HOUR_MS).toISOString() : at,
    sweep: ends && seen > 0,
  };
  const effects: Effect[] = [{ type: "member.syncPage", page: syncPage }];
  if (welcomed.length > 0) {
    const settings = await deps.store.membership.onboarding(community.id);
    for (const userId of welcomed) {
      effects.push({ type: "outbox.send", draft: welcomeDraft(community, settings, userId) });
    }
    if (!settings.mainChannelId) effects.push({ type: "onboarding.noMainChannel" });
  }
  const passKey = state.pass ?? `after:${state.lastFinishedAt ?? "never"}`;
  try {
    await applyAndEnqueue(deps, community, effects, {
      ingressKey: `sync:${community.id}:${passKey}:${pageNumber}`,
    });
  } catch (error) {
    if (error instanceof DuplicateDeliveryError) return null;
    throw error;
  }
  return {
    pass: ends ? null : pass,
    cursor: page.next,
    pages: ends ? 0 : pageNumber + 1,
    seen: ends ? 0 : seen,
    lastFinishedAt: ends ? at : state.lastFinishedAt,
    firstCompleted: state.firstCompleted || (ends && seen > 0),
  };
}
