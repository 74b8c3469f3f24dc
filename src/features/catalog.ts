import { auditEn } from "./audit/strings-en.ts";
import { auditId } from "./audit/strings-id.ts";
import { dashboardAccessEn } from "./dashboard/access-strings-en.ts";
import { dashboardAccessId } from "./dashboard/access-strings-id.ts";
import { dashboardEn } from "./dashboard/strings-en.ts";
import { dashboardId } from "./dashboard/strings-id.ts";
import { digestEn } from "./digest/strings-en.ts";
import { digestId } from "./digest/strings-id.ts";
import { kudosEn } from "./kudos/strings-en.ts";
import { kudosId } from "./kudos/strings-id.ts";
import { meetingStringsEn, meetingStringsId } from "./meetings/strings.ts";
import { membershipEn } from "./membership/strings-en.ts";
import { membershipId } from "./membership/strings-id.ts";
import { attendanceEn } from "./memory/attendance-strings-en.ts";
import { attendanceId } from "./memory/attendance-strings-id.ts";
import { memoryEn } from "./memory/strings-en.ts";
import { memoryId } from "./memory/strings-id.ts";
import { nudgesEn } from "./nudges/strings-en.ts";
import { nudgesId } from "./nudges/strings-id.ts";
import { privacyEn } from "./privacy/strings-en.ts";
import { privacyId } from "./privacy/strings-id.ts";
import { profileEn } from "./profile/strings-en.ts";
import { profileId } from "./profile/strings-id.ts";
import { reportEscalationEn } from "./reports/escalation-strings-en.ts";
import { reportEscalationId } from "./reports/escalation-strings-id.ts";
import { reportsEn } from "./reports/strings-en.ts";
import { reportsId } from "./reports/strings-id.ts";
import { rotationEn } from "./rotation/strings-en.ts";
import { rotationId } from "./rotation/strings-id.ts";
import { searchEn } from "./search/strings-en.ts";
import { searchId } from "./search/strings-id.ts";
import { topicRefreshEn } from "./topics/refresh-strings-en.ts";
import { topicRefreshId } from "./topics/refresh-strings-id.ts";
import { topicsEn } from "./topics/strings-en.ts";
import { topicsId } from "./topics/strings-id.ts";

/** Every feature's English strings, one line each (spread into the catalog, src/core/i18n/en.ts). */
export const featuresEn = {
  ...profileEn,
  ...privacyEn,
  ...kudosEn,
  ...membershipEn,
  ...meetingStringsEn,
  ...attendanceEn,
  ...memoryEn,
  ...rotationEn,
  ...topicRefreshEn,
  ...topicsEn,
  ...searchEn,
  ...nudgesEn,
  ...digestEn,
  ...auditEn,
  ...reportsEn,
  ...reportEscalationEn,
  ...dashboardAccessEn,
  ...dashboardEn,
} as const;

/** Every feature's Indonesian strings, one line each (src/core/i18n/id.ts). */
export const featuresId: Record<keyof typeof featuresEn, string> = {
  ...profileId,
  ...privacyId,
  ...kudosId,
  ...membershipId,
  ...meetingStringsId,
  ...attendanceId,
  ...memoryId,
  ...rotationId,
  ...topicRefreshId,
  ...topicsId,
  ...searchId,
  ...nudgesId,
  ...digestId,
  ...auditId,
  ...reportsId,
  ...reportEscalationId,
  ...dashboardAccessId,
  ...dashboardId,
};
