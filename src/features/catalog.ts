import { kudosEn } from "./kudos/strings-en.ts";
import { kudosId } from "./kudos/strings-id.ts";
import { meetingStringsEn, meetingStringsId } from "./meetings/strings.ts";
import { rotationEn } from "./rotation/strings-en.ts";
import { rotationId } from "./rotation/strings-id.ts";

/** Every feature's English strings, one line each (spread into the catalog, src/core/i18n/en.ts). */
export const featuresEn = { ...kudosEn, ...meetingStringsEn, ...rotationEn } as const;

/** Every feature's Indonesian strings, one line each (src/core/i18n/id.ts). */
export const featuresId: Record<keyof typeof featuresEn, string> = {
  ...kudosId,
  ...meetingStringsId,
  ...rotationId,
};
