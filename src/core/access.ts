import { DuplicateDeliveryError } from "./errors.ts";
import type { CoreDeps } from "./handle-command.ts";
import type { PlatformId } from "./model.ts";

/**
 * A community guyub was removed from (Slack uninstall or revoked tokens, Discord removal) keeps
 * its data this long, so a reinstall finds everything as it was; then it is erased.
 */
export const ERASE_AFTER_DAYS = 30;

export interface AccessLost {
  readonly platform: PlatformId;
  readonly workspaceId: string;
  /** The platform's word for it, e.g. `app_uninstalled`, `tokens_revoked`. */
  readonly reason: string;
  /** The platform's id of this delivery: a retried event records nothing twice. */
  readonly ingressKey: string;
  /** The adapter's opaque id of the credential in force: guyub retries once it has another. */
  readonly credential: string | null;
}

/**
 * The platform says guyub can no longer act in a community (uninstalled, tokens revoked):
 * hold what is sent there (it waits, and goes out once a probe, a new token or a moderator's
 * `/copmod delivery unblock` finds access back), tell
 * moderators at their next command, and write it to the audit log. A community guyub never
 * met is left alone.
 */
export async function recordAccessLost(deps: CoreDeps, event: AccessLost): Promise<void> {
  const { community } = await deps.store.find(
    {
      platform: event.platform,
      workspaceId: event.workspaceId,
      workspaceName: null,
      userId: "",
      displayName: null,
      initialLocale: "en",
    },
    { fresh: true },
  );
  if (!community) return;
  try {
    await deps.store.apply(
      community,
      [
        {
          type: "delivery.block",
          scope: "*",
          reason: event.reason,
          cause: "uninstalled",
          credential: event.credential,
        },
      ],
      { actorMemberId: null, action: "delivery lost", detail: { reason: event.reason } },
      deps.now(),
      { ingressKey: event.ingressKey },
    );
  } catch (error) {
    if (!(error instanceof DuplicateDeliveryError)) throw error;
  }
}
