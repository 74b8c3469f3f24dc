import type { Feature } from "../../core/feature.ts";
import { kudos as kudosCommand } from "./command.ts";

/**
 * Kudos: `/cop kudos @member <why>`, a public thank-you that the weekly digest remembers. Its
 * core part; the store part is `store.ts`, the strings `strings-en.ts`/`strings-id.ts`.
 */
export const kudos: Feature = { name: "kudos", commands: [kudosCommand] };
