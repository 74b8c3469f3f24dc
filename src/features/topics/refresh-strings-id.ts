import type { topicRefreshEn } from "./refresh-strings-en.ts";

/** Indonesian strings of the topic refresh and `/cop topic history` (listed in src/features/catalog.ts). */
export const topicRefreshId: Record<keyof typeof topicRefreshEn, string> = {
  "cmd.topic": "Topik pertemuan: usulkan, dukung, lihat yang sudah dibahas",
  "cmd.topic.history": "Topik pertemuan sebelumnya: kapan dibahas dan siapa fasilitatornya",
  "topicRefresh.next": "Topik: {title}",
  "topicRefresh.offer.title": "Pilih topik untuk pertemuan Anda",
  "topicRefresh.offer.intro":
    "Anda menjadi fasilitator pertemuan pada {when}. Inilah topik yang paling banyak didukung anggota:",
  "topicRefresh.offer.deadline":
    "Silakan pilih satu sebelum pengumuman dikirim; jika tidak, topik “{title}” yang dipakai. Pesan ini hanya untuk Anda.",
  "topicRefresh.pinned":
    "Anda menjadi fasilitator pertemuan pada {when}. Moderator sudah menyematkan topiknya: “{title}”.",
  "topicRefresh.only":
    "Anda menjadi fasilitator pertemuan pada {when}. Topiknya “{title}”, satu-satunya usulan yang masih terbuka.",
  "topicRefresh.chosen": "Terima kasih! Pertemuan pada {when} akan membahas “{title}”.",
  "topicRefresh.tooLate": "Pengumuman sudah dikirim, jadi topiknya tetap: “{title}”.",
  "topicRefresh.notHost": "Hanya fasilitator pertemuan ini yang dapat memilih topiknya.",
  "topicRefresh.gone": "Topik itu sudah tidak termasuk pilihan untuk pertemuan ini.",
  "topicHistory.title": "Topik yang sudah dibahas",
  "topicHistory.line": "{day}: {title} (fasilitator: {host})",
  "topicHistory.lineNoHost": "{day}: {title}",
  "topicHistory.empty": "Belum ada pertemuan bertopik yang terlaksana. Usulkan topik dengan {usage}.",
  "topicHistory.more": "{count} pertemuan terakhir.",
};
