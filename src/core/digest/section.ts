import type { Translator } from "../i18n/index.ts";
import type { Block, Inline } from "../message.ts";
import type { Community } from "../model.ts";

/** The week a digest covers: `[from, to)`, and the same as community-local days `[fromDay, toDay)`. */
export interface DigestWindow {
  readonly from: Date;
  readonly to: Date;
  readonly fromDay: string;
  readonly toDay: string;
}

/** A capped list and how many there were in all ("and N more"). */
export interface Capped<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** Names a digest list reads at most: the loosest level of caps shows this many. */
export const DIGEST_LIST_MAX = 10;

/**
 * How tight this rendering of the digest is: `level` 0 is the loosest, each next one shortens
 * lists (`list` entries before "and N more") and member text, until the message fits Discord's
 * 2,000 characters. A section shortens its own member text by `level`.
 */
export interface DigestCaps {
  readonly level: number;
  readonly list: number;
}

/**
 * The week's data of each feature that contributes a digest section, by feature name. A feature
 * declares its own from its folder (declaration merging): `interface FeatureDigest { <name>: <its week> }`;
 * its store part then must read it (`FeatureStore.digestWeek`) and its core part render it
 * (`Feature.digest`), or the typecheck fails.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the features' declaration merging
export interface FeatureDigest {}

/** Every contributing feature's week, as the store read them. */
export type FeatureWeeks = { readonly [N in keyof FeatureDigest]: FeatureDigest[N] };

/** What rendering a section gets besides its data. */
export interface DigestSectionContext {
  readonly community: Community;
  readonly caps: DigestCaps;
}

/** A feature's digest section over its week's data (`D`). */
export interface DigestSectionOf<D> {
  /**
   * Where it goes among the digest's sections (ascending; the digest's own places are listed in
   * docs/architecture.md, *Feature folders*), so the posted order does not follow `FEATURES`.
   */
  readonly place: number;
  /** Nothing to show this week: left out, and a week where every section is empty is a quiet one. */
  isEmpty(data: D): boolean;
  render(t: Translator, data: D, ctx: DigestSectionContext): Block[];
}

/** A feature's section, typed by its name; `read` picks its own data out of every feature's week. */
export interface DigestSection<N extends keyof FeatureDigest = keyof FeatureDigest> {
  readonly name: N;
  readonly place: number;
  read(weeks: FeatureWeeks): DigestPart;
}

/** One section with this week's data: what the digest places, tests for quiet and renders. */
export interface DigestPart {
  readonly place: number;
  readonly empty: boolean;
  render(t: Translator, ctx: DigestSectionContext): Block[];
}

/** Declares a feature's digest section under the name its data was declared with (`FeatureDigest`). */
export function digestSection<const N extends keyof FeatureDigest>(
  name: N,
  section: DigestSectionOf<FeatureDigest[N]>,
): DigestSection<N> {
  return {
    name,
    place: section.place,
    read(weeks) {
      const data = weeks[name];
      return {
        place: section.place,
        empty: section.isEmpty(data),
        render: (t, ctx) => section.render(t, data, ctx),
      };
    },
  };
}

/** Reads every contributing feature's week (the store builds it from the features' store parts). */
export type ReadFeatureWeeks = (communityId: number, window: DigestWindow) => Promise<FeatureWeeks>;

/** A titled text block, one line per entry, then `tail` (e.g. "and N more"). */
export function digestList(title: string, lines: readonly Inline[][], tail: Inline[] = []): Block {
  const text: Inline[] = [{ bold: title }];
  for (const line of lines) text.push("\n• ", ...line);
  return { type: "text", text: [...text, ...tail] };
}

/** " and N more" when a list shows fewer than it has. */
export function andMore(t: Translator, shown: number, total: number): Inline[] {
  return total > shown ? [t("digest.andMore", { count: String(total - shown) })] : [];
}
