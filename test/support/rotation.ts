import type { RotationMember, RotationState } from "../../src/features/rotation/rules.ts";

/** A member who joined long ago and answered the intro: eligible on any day of the tests. */
export function member(id: string, over: Partial<RotationMember> = {}): RotationMember {
  return {
    id,
    joinedAt: "2026-01-01T00:00:00Z",
    answeredIntroAt: "2026-01-02T00:00:00Z",
    status: "active",
    optedIn: true,
    founder: false,
    ...over,
  };
}

/** A state in `everyone` mode, in UTC, with these members and an empty ledger. */
export function rotation(members: RotationMember[], over: Partial<RotationState> = {}): RotationState {
  return { members, mode: "everyone", timezone: "UTC", ledger: [], aways: [], ...over };
}

/** Weekly meeting days from `first` (a `YYYY-MM-DD`), `count` of them. */
export function weekly(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

export const NOW = new Date("2026-03-01T00:00:00Z");
