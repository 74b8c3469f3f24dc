import { DAY_MS } from "../core/durations.ts";
import type { BlockRow } from "../db/delivery-blocks.ts";
import type { LoadedRow } from "./rows.ts";

/** A message waits at most this long for access to come back (less if it expires sooner). */
export const MAX_WAIT_MS = 7 * DAY_MS;

/** Where a row goes, as blocks name it: a post's or an edit's channel; "" for DMs and follow-ups. */
export function scopeOf(row: LoadedRow): string {
  if (row.kind === "post") return row.target;
  if (row.kind === "edit") return row.edit_channel_id ?? "";
  return "";
}

/**
 * The blocks of the communities in one batch, kept current as the batch learns of losses and
 * recoveries, so that a message behind a loss found a moment ago is not tried too.
 */
export class BlockBook {
  readonly #blocks = new Map<string, BlockRow>();

  constructor(rows: readonly BlockRow[]) {
    for (const row of rows) this.add(row);
  }

  /** The block a row waits on: the whole community's first, then its channel's. */
  blockFor(row: LoadedRow): BlockRow | null {
    const scope = scopeOf(row);
    return (
      this.#blocks.get(`${row.community_id}:*`) ??
      (scope === "" ? undefined : this.#blocks.get(`${row.community_id}:${scope}`)) ??
      null
    );
  }

  /** The blocked scopes a successful send of this row proves open again. */
  openedBy(row: LoadedRow): string[] {
    const scope = scopeOf(row);
    return ["*", ...(scope === "" ? [] : [scope])].filter((s) =>
      this.#blocks.has(`${row.community_id}:${s}`),
    );
  }

  /** Community-wide blocks (to compare their credential with the sender's). */
  communityWide(): BlockRow[] {
    return [...this.#blocks.values()].filter((block) => block.scope === "*");
  }

  has(communityId: number, scope: string): boolean {
    return this.#blocks.has(`${communityId}:${scope}`);
  }

  add(block: BlockRow): void {
    this.#blocks.set(`${block.communityId}:${block.scope}`, block);
  }

  remove(communityId: number, scopes: readonly string[]): void {
    for (const scope of scopes) this.#blocks.delete(`${communityId}:${scope}`);
  }
}
