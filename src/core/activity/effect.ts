// The effect's type on its own: the Effect union (model.ts) names it, and the helpers that build it
// (effects.ts) read the model.

/** One member seen active on a local day (the community's zone). */
export interface ActivitySeen {
  readonly userId: string;
  readonly day: string;
}

/**
 * A member was active: a Slack message, a button, an RSVP, a Discord message read by the activity
 * job. Applied as "the later day wins", so an older or repeated sighting changes nothing, and
 * only stored members are touched (the member sync is what adds people).
 */
export type ActivityEffect = { readonly type: "activity.seen"; readonly seen: readonly ActivitySeen[] };
