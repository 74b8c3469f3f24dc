/*
 * `communityById` lived here with the member-list sync, which moved to src/features/membership/.
 * It is every job's, so it is in `communities.ts` now; this re-export keeps the jobs of features
 * not moved yet working until each imports it from there.
 */
export { communityById } from "./communities.ts";
