import { meetingDaysEn } from "./strings-days-en.ts";
import { meetingDaysId } from "./strings-days-id.ts";
import { meetingsEn } from "./strings-en.ts";
import { calendarGuardsEn } from "./strings-guards-en.ts";
import { calendarGuardsId } from "./strings-guards-id.ts";
import { meetingsId } from "./strings-id.ts";
import { holidayImportEn } from "./strings-import-en.ts";
import { holidayImportId } from "./strings-import-id.ts";

/** Every English string of the meetings (listed in src/features/catalog.ts). */
export const meetingStringsEn = {
  ...meetingsEn,
  ...meetingDaysEn,
  ...holidayImportEn,
  ...calendarGuardsEn,
} as const;

/** Every Indonesian string of the meetings. */
export const meetingStringsId: Record<keyof typeof meetingStringsEn, string> = {
  ...meetingsId,
  ...meetingDaysId,
  ...holidayImportId,
  ...calendarGuardsId,
};
