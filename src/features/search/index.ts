import type { Feature } from "../../core/feature.ts";
import { search as searchCommand } from "./command.ts";

export type { KnowledgeHit, KnowledgeKind, SearchReads } from "./ports.ts";

/**
 * Search: `/cop search <words>` over what the community keeps of its meetings (the memory
 * feature's notes, resources and actions), its topics and the resources on them, through the FTS5
 * indexes of migration 0020. Its core part; the store part is `store.ts` (reads under
 * `ctx.store.search`), the strings `strings-en.ts`/`strings-id.ts`.
 */
export const search: Feature = { name: "search", commands: [searchCommand] };
