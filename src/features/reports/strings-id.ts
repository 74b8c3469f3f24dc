import type { reportsEn } from "./strings-en.ts";

/** Indonesian strings of reports (listed in src/features/catalog.ts). */
export const reportsId: Record<keyof typeof reportsEn, string> = {
  "cmd.report": "Laporan pribadi anggota kepada moderator",
  "cmd.report.channel": "Atur kanal moderator privat tempat laporan dikirim",
  "example.reportsChannel": "#moderator",
  "reports.channelSet":
    "Laporan dari anggota akan dikirim ke {channel}. Jaga agar kanal ini tetap privat: hanya moderator yang boleh tahu siapa melaporkan apa.",
  "cmd.conduct": "Baca tata tertib komunitas",
  "conduct.title": "Tata tertib komunitas",
  "conduct.worry": "Jika ada yang membuat Anda khawatir, Anda dapat memberi tahu moderator secara pribadi.",
  "conduct.none": "Komunitas ini belum memiliki tata tertib. Moderator dapat mengaturnya dengan {usage}.",
};
