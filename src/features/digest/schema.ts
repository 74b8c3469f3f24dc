/** The top topics a weekly digest showed (migration 0016): two digests running and a topic rests. */
export interface DigestTopicsTable {
  community_id: number;
  period: string;
  topic_id: number;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    digest_topics: DigestTopicsTable;
  }
}
