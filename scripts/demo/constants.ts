/** Shared by the demo's driver (Node) and its Worker (workerd): plain values, no imports. */

/**
 * Platform time in the stand-ins, and guyub's delivery pacing with it, runs this many times
 * faster: the demo plays an hour in a tenth of a second, so an hourly member-list read would
 * otherwise meet Slack's per-minute limits many times over.
 */
export const TIME_SCALE = 1000;

/** The header the demo driver puts the simulated ISO time in. */
export const DEMO_TIME_HEADER = "x-guyub-demo-time";
