import type { RawBuilder } from "kysely";

/**
 * Where the audit view's history comes from: each source selects `source, at, actor, action,
 * detail, seq` for a community, and, with `about`, only its rows about that platform user. The
 * audit store (store.ts, `HISTORY_SOURCES`) merges them newest first; a feature with its own rows
 * about members (reports) writes one. Apart from store.ts so such a feature imports only this.
 */
export type HistorySource = (communityId: number, about: string | undefined) => RawBuilder<unknown>;
