import type { topicsEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of the topic backlog: "dukung" for vote (see docs/architecture.md). */
export const topicsId: Record<keyof typeof topicsEn, string> = {
  "cmd.topic.suggest": "Usulkan topik untuk pertemuan",
  "cmd.topic.list": "Daftar usulan topik, yang paling didukung dulu",
  "cmd.topic.vote": "Dukung sebuah topik",
  "cmd.topic.unvote": "Tarik kembali dukungan Anda",
  "cmd.topic.pin": "Sematkan topik di urutan pertama",
  "cmd.topic.retire": "Keluarkan topik dari daftar",
  "cmd.topic.edit": "Ubah judul topik",
  "arg.topicTitle": "judul",
  "arg.topicTitle.help": "Paling banyak 150 karakter",
  "arg.topicDetails": "rincian",
  "arg.topicDetails.help": "Boleh dikosongkan, paling banyak 500 karakter",
  "arg.topicId": "nomor",
  "arg.topicId.help": "Nomor topik, misalnya 12",
  "topic.suggested":
    "Terima kasih! “{title}” sudah masuk daftar usulan, dengan dukungan Anda. Lihat dengan {usage}.",
  "topic.duplicate": "“{title}” sudah pernah diusulkan sebagai #{id}; dukungan Anda sudah ditambahkan.",
  "topic.duplicateVoted": "“{title}” sudah pernah diusulkan sebagai #{id}, dan Anda sudah mendukungnya.",
  "topic.empty": "Judul topik perlu berisi setidaknya satu huruf atau angka. Tidak ada yang disimpan.",
  "topic.titleLong":
    "Judul itu {length} karakter; judul paling banyak 150 karakter (sisanya bisa ditulis di rincian). Tidak ada yang disimpan.",
  "topic.detailsLong": "Rinciannya {length} karakter; paling banyak 500. Tidak ada yang disimpan.",
  "topic.spam":
    "Anda sudah mengusulkan 10 topik dalam satu menit terakhir. Mohon tunggu sebentar sebelum mengusulkan lagi. Tidak ada yang disimpan.",
  "topic.badId":
    "“{value}” bukan nomor topik: gunakan nomor dari {usage}, misalnya 12. Tidak ada yang diubah.",
  "topic.notFound": "Tidak ada topik #{id}. Lihat {usage}. Tidak ada yang diubah.",
  "topic.notOpen": "Topik #{id} sudah tidak ada di daftar usulan. Tidak ada yang diubah.",
  "topic.voted": "Dukungan Anda untuk #{id} “{title}” sudah dihitung.",
  "topic.alreadyVoted": "Anda sudah mendukung #{id} “{title}”. Tidak ada yang diubah.",
  "topic.unvoted": "Dukungan Anda untuk #{id} “{title}” sudah ditarik.",
  "topic.notVoted": "Anda belum mendukung #{id} “{title}”. Tidak ada yang diubah.",
  "topic.pinned":
    "#{id} “{title}” disematkan: topik ini didahulukan, berapa pun dukungannya. Sematan lain dilepas.",
  "topic.alreadyPinned": "#{id} “{title}” sudah disematkan. Tidak ada yang diubah.",
  "topic.retired": "#{id} “{title}” sudah dikeluarkan dari daftar usulan.",
  "topic.edited": "Judul #{id} sekarang “{title}”.",
  "topic.editClash": "Topik #{other} sudah memakai judul “{title}”. Tidak ada yang diubah.",
  "topic.list.title": "Daftar usulan topik",
  "topic.list.empty": "Belum ada usulan topik. Usulkan satu: {usage}",
  "topic.list.votes.one": "1 dukungan",
  "topic.list.votes.other": "{count} dukungan",
  "topic.list.pinned": "disematkan",
  "topic.list.mine": "Anda mendukung",
  "topic.list.more": "…dan {count} lainnya. Dukung topik mana pun dengan nomornya: {usage}",
  "topic.list.hint": "Dukung topik mana pun dengan nomornya: {usage}",
  "topic.button.vote": "Dukung #{id}",
  "topic.button.unvote": "Batal dukung #{id}",
};
