import type { dashboardEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of the moderators' health page. */
export const dashboardId: Record<keyof typeof dashboardEn, string> = {
  "dashboard.recognition": "Apresiasi",
  "dashboard.recognition.givers": "Anggota yang memberi apresiasi",
  "dashboard.recognition.receivers": "Anggota yang menerima apresiasi",
  "dashboard.fewerThan5": "kurang dari 5",
  "dashboard.last30": "30 hari terakhir",
} as const;
