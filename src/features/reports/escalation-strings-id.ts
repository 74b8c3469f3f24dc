import type { reportEscalationEn } from "./escalation-strings-en.ts";

/** Indonesian strings of the reports' escalation DM. */
export const reportEscalationId: Record<keyof typeof reportEscalationEn, string> = {
  "reportEscalation.title": "Ada laporan yang menunggu moderator",
  "reportEscalation.body":
    "Laporan yang dibuat {when} sudah menunggu lebih dari 24 jam dan belum ada yang menanganinya. Jumlah anggota yang melaporkan: {count}.",
  "reportEscalation.card": "Kartunya ada di {channel}; silakan tangani dari sana.",
  "reportEscalation.cardDm":
    "Kartunya sudah dikirim lewat DM kepada para moderator sebelumnya; silakan tangani dari sana.",
  "reportEscalation.link": "Pesan yang dilaporkan: {link}",
  "reportEscalation.why": "Setiap moderator menerima pesan ini sekali, agar ada yang menanganinya.",
};
