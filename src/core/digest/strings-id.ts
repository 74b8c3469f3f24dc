import type { digestEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of the weekly digest (spread into the catalog, id.ts). */
export const digestId: Record<keyof typeof digestEn, string> = {
  "cmd.digest": "Ringkasan mingguan di kanal utama",
  "cmd.digest.preview": "Lihat ringkasan minggu ini secara pribadi, persis seperti yang akan dikirim",
  "cmd.digest.send": "Kirim ringkasan minggu ini sekarang (dihitung sebagai ringkasan minggu ini)",
  "cmd.digest.schedule": "Pilih hari dan jam (waktu setempat) ringkasan mingguan",
  "cmd.digest.off": "Hentikan pengiriman ringkasan mingguan",
  "cmd.digest.on": "Kirim lagi ringkasan mingguan",
  "digest.title": "Ringkasan mingguan · {range}",
  "digest.quiet": "Minggu yang tenang di komunitas: belum ada kabar baru. Sampai jumpa minggu depan!",
  "digest.newcomers": "Selamat datang, anggota baru kita",
  "digest.andMore": " dan {count} lainnya",
  "digest.next": "Pertemuan berikutnya",
  "digest.next.when": "Waktu",
  "digest.next.host": "Fasilitator",
  "digest.next.hostOpen": "disebutkan dalam pengumuman pertemuan",
  "digest.next.topic": "Topik",
  "digest.next.link": "Tautan",
  "digest.next.rsvps": "Konfirmasi kehadiran sejauh ini",
  "digest.next.rsvpCounts": "{yes} Hadir · {maybe} Mungkin · {no} Tidak hadir",
  "digest.held": "Pertemuan minggu ini",
  "digest.held.line": "{day}, difasilitasi oleh {host}: ",
  "digest.held.noHost": "{day}: ",
  "digest.held.noNotes": "tidak ada catatan",
  "digest.topics": "Topik dengan dukungan terbanyak",
  "digest.topics.line": "{rank}. {title} ({votes} dukungan)",
  "digest.topics.vote": "Dukung #{rank}",
  "digest.kudos": "Apresiasi minggu ini",
  "digest.kudos.line": "{to}, terima kasih dari {from}: ",
  "digest.numbers": "Minggu ini dalam angka",
  "digest.numbers.active": "Anggota aktif",
  "digest.numbers.held": "Pertemuan terlaksana",
  "digest.numbers.topics": "Topik baru",
  "digest.archived": "Topik yang diarsipkan",
  "digest.preview":
    "Pratinjau, hanya Anda yang dapat melihatnya. Gunakan {send} untuk mengirimnya ke kanal utama.",
  "digest.sent":
    "Selesai: ringkasan minggu ini sedang dikirim ke kanal utama. Ringkasan terjadwal tidak akan mengulanginya.",
  "digest.alreadySent":
    "Ringkasan minggu ini ({period}) sudah dikirim; ringkasan dikirim sekali seminggu. Tidak ada yang dikirim.",
  "digest.noMainChannel":
    "Belum ada kanal utama untuk ringkasan. Atur dengan {usage}. Tidak ada yang dikirim.",
  "digest.scheduled": "Ringkasan mingguan kini dikirim setiap {weekday} pukul {time}.",
  "digest.offDone": "Ringkasan mingguan dimatikan. Gunakan {usage} untuk menyalakannya kembali.",
  "digest.onDone": "Ringkasan mingguan menyala: setiap {weekday} pukul {time}.",
  "digest.badWeekday":
    "“{value}” bukan nama hari yang saya kenal; coba sen, Senin, mon atau Monday. Tidak ada yang diubah.",
  "digest.badTime":
    "“{value}” bukan jam: gunakan JJ.MM dari 00.00 sampai 23.59, misalnya 08.00. Tidak ada yang diubah.",
  "digest.weekday.1": "Senin",
  "digest.weekday.2": "Selasa",
  "digest.weekday.3": "Rabu",
  "digest.weekday.4": "Kamis",
  "digest.weekday.5": "Jumat",
  "digest.weekday.6": "Sabtu",
  "digest.weekday.7": "Minggu",
};
