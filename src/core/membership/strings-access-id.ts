import type { accessEn } from "./strings-access-en.ts";

/** Bahasa Indonesia strings of guyub's checks with the platform (spread into id.ts). */
export const accessId: Record<keyof typeof accessEn, string> = {
  "moderators.cannotCheck":
    "Saat ini saya belum dapat memastikan ke platform apakah {member} anggota komunitas ini. Tidak ada yang diubah; silakan coba lagi sebentar lagi.",
  "moderators.bot": "{member} adalah bot: hanya orang yang dapat menjadi moderator. Tidak ada yang diubah.",
  "moderators.unknown.workspace":
    "{member} tidak ada di workspace ini (atau akunnya sudah dinonaktifkan), jadi tidak dapat menjadi moderator. Tidak ada yang diubah.",
  "moderators.unknown.server":
    "{member} bukan anggota server ini, jadi tidak dapat menjadi moderator. Tidak ada yang diubah.",
  "moderators.unknown.group":
    "{member} bukan anggota grup ini, jadi tidak dapat menjadi moderator. Tidak ada yang diubah.",
  "channel.cannotCheck":
    "Saat ini saya belum dapat memastikan ke platform apakah guyub dapat mengirim pesan di {channel}. Tidak ada yang diubah; silakan coba lagi sebentar lagi.",
  "channel.notFound.invite":
    "guyub tidak dapat melihat kanal itu: kanalnya tidak ada, atau kanal privat dan guyub belum diundang. Undang guyub ke sana (ketik /invite @guyub di kanal itu), lalu jalankan perintah ini lagi. Tidak ada yang diubah.",
  "channel.notFound.permissions":
    "Kanal itu tidak ada (lagi). Silakan pilih kanal lain. Tidak ada yang diubah.",
  "channel.notMember":
    "guyub belum ada di {channel}, jadi belum dapat mengirim pesan di sana. Undang guyub: ketik /invite @guyub di {channel}, lalu jalankan perintah ini lagi. Tidak ada yang diubah.",
  "channel.archived":
    "guyub tidak dapat mengirim pesan di {channel}: kanal itu sudah diarsipkan. Silakan pilih kanal lain. Tidak ada yang diubah.",
  "channel.chosen": "kanal yang Anda pilih",
  "channel.otherServer":
    "Kanal itu milik server lain. Silakan pilih salah satu kanal di server ini. Tidak ada yang diubah.",
  "channel.notText":
    "guyub hanya dapat mengirim pesan di kanal teks atau kanal pengumuman. Silakan pilih salah satunya. Tidak ada yang diubah.",
  "channel.cannotView":
    "guyub tidak dapat melihat {channel}. Di pengaturan kanal, bagian Permissions, izinkan peran guyub untuk View Channel dan Send Messages, lalu jalankan perintah ini lagi. Tidak ada yang diubah.",
  "channel.cannotSend":
    "guyub dapat melihat {channel} tetapi tidak boleh mengirim pesan di sana. Di pengaturan kanal, bagian Permissions, izinkan peran guyub untuk Send Messages, lalu jalankan perintah ini lagi. Tidak ada yang diubah.",
  "channel.cannotSendThreads":
    "guyub dapat melihat {channel} tetapi tidak boleh mengirim pesan di utas ini. Izinkan peran guyub untuk Send Messages in Threads di pengaturan kanal, lalu jalankan perintah ini lagi. Tidak ada yang diubah.",
};
