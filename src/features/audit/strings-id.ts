import type { auditEn } from "./strings-en.ts";

/** Indonesian strings of the audit trail. */
export const auditId: Record<keyof typeof auditEn, string> = {
  "cmd.audit": "Lihat apa yang dilakukan moderator, dan simpan catatan pribadi tentang anggota",
  "cmd.audit.list": "Tindakan moderator terbaru, atau yang menyangkut satu anggota, beserta catatannya",
  "cmd.audit.note": "Simpan catatan pribadi tentang anggota (hanya moderator yang melihatnya)",
  "arg.audit.member.help": "Anggota yang riwayatnya ingin Anda lihat, sebagai @mention",
  "arg.note": "catatan",
  "arg.note.help": "Catatannya (paling banyak 120 karakter); hanya moderator yang melihatnya",
  "example.auditNote": "minta bantuan soal rubrik, sudah ditindaklanjuti lewat DM",
  "audit.title": "Catatan tindakan moderator",
  "audit.titleAbout": "Riwayat {member}",
  "audit.empty": "Belum ada yang tercatat.",
  "audit.noMore": "Tidak ada yang lebih lama.",
  "audit.more": "Selanjutnya",
  "audit.platform": "platform",
  "audit.noted":
    "Catatan Anda tentang {member} sudah disimpan. Hanya moderator yang melihatnya, bersama riwayat {member}: {usage}.",
  "audit.line.note": "Catatan",
  "audit.line.deliveryLost": "guyub kehilangan akses (dicopot atau dikeluarkan)",
  "audit.line.report": "Laporan ke moderator",
  "audit.report.who": "seorang anggota",
  "audit.report.about": "tentang {member}",
  "audit.report.open": "terbuka",
  "audit.report.claimed": "sedang ditangani",
  "audit.report.resolved": "selesai",
  "audit.report.dismissed": "ditutup tanpa tindakan",
  "audit.report.by": "oleh {member}",
  "audit.report.count": "pelapor: {count}",
  "audit.report.escalated": "dikirim ke semua moderator setelah 24 jam belum ditangani",
};
