import type { Feature } from "../../core/feature.ts";
import { kudos as kudosCommand } from "./command.ts";
import { kudosDigest } from "./digest.ts";

/**
 * Kudos: `/cop kudos @member <why>`, a public thank-you that the weekly digest remembers. Its
 * core part (with its digest section, `digest.ts`); the store part is `store.ts`, the strings
 * `strings-en.ts`/`strings-id.ts`. `satisfies`, not a type annotation: the feature list checks
 * from its type that the digest section it declared is provided.
 */
export const kudos = { name: "kudos", commands: [kudosCommand], digest: kudosDigest } satisfies Feature;
