import type { CompiledQuery } from "kysely";
import { formerMemberId } from "../../core/former-member.ts";
import type { Db } from "../../db/client.ts";
import type { MemberData, MemberRef } from "../../db/feature-store.ts";
import { coreMemberData } from "./core-data-store.ts";

/** The store parts the engine asks (every other feature's, handed in by src/features/server.ts). */
export type MemberDataOwners = readonly { readonly name: string; readonly memberData?: MemberData }[];

/** Every part that keeps something about a member: each feature's hook, core's tables last. */
export function memberDataParts(
  owners: MemberDataOwners,
): readonly { readonly name: string; readonly data: MemberData }[] {
  const features = owners.flatMap((store) =>
    store.memberData ? [{ name: store.name as string, data: store.memberData }] : [],
  );
  return [...features, { name: "core", data: coreMemberData }];
}

// The placeholder's rule lives in core (views show it as "a former member"); the engine writes it.
export { formerMemberId, isFormerMember } from "../../core/former-member.ts";

/** Everything guyub keeps about the member in the community, by part. */
export async function exportMember(
  owners: MemberDataOwners,
  db: Db,
  communityId: number,
  member: MemberRef,
): Promise<Record<string, Readonly<Record<string, unknown>>>> {
  const parts = memberDataParts(owners);
  const data = await Promise.all(parts.map((part) => part.data.export(db, communityId, member)));
  return Object.fromEntries(parts.map((part, i) => [part.name, data[i] ?? {}]));
}

/** The one batch that forgets the member: every part's statements, core's last. */
export function forgetQueries(
  owners: MemberDataOwners,
  db: Db,
  communityId: number,
  member: MemberRef,
  now: Date,
): CompiledQuery[] {
  const placeholder = formerMemberId(member.memberId);
  return memberDataParts(owners).flatMap((part) =>
    part.data.forget(db, communityId, member, placeholder, now),
  );
}
