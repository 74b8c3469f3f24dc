import type { Generated } from "kysely";

/** Kysely table type for migrations/0010_kudos_digest.sql; joins `Database` below. */
export interface KudosTable {
  id: Generated<number>;
  community_id: number;
  from_user: string;
  to_user: string;
  reason: string;
  channel_id: string;
  given_on: string;
  post_key: string;
  created_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    kudos: KudosTable;
  }
}
