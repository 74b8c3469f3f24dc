import type { nudgesEn } from "./strings-en.ts";

/**
 * Bahasa Indonesia for nudges, in the warm "Anda" register (docs/architecture.md, "Bahasa
 * Indonesia"). Spread into `src/core/i18n/id.ts`; typed against the English keys.
 */
export const nudgesId: Record<keyof typeof nudgesEn, string> = {
  "cmd.nudges": "Sapaan ramah untuk anggota yang sudah lama kurang aktif",
  "cmd.nudges.off": "Hentikan sapaan untuk Anda (membaca saja juga tidak apa-apa)",
  "cmd.nudges.on": "Nyalakan kembali sapaan untuk Anda",
  "cmd.nudges.snooze": "Tidak ada sapaan selama beberapa minggu",
  "cmd.nudges.quiet": "Siapa yang sedang kurang aktif, secara pribadi, dengan jumlahnya (moderator)",
  "cmd.nudges.settings": "Hari kurang aktif, jeda antar sapaan, sapaan per hari (moderator)",
  "cmd.nudges.pause": "Jeda sapaan untuk seluruh komunitas (moderator)",
  "cmd.nudges.resume": "Lanjutkan sapaan (moderator)",
  "arg.weeks": "minggu (1–26)",
  "arg.weeks.help": "Berapa minggu tanpa sapaan",
  "arg.quietDays": "hari kurang aktif (7–365)",
  "arg.quietDays.help": "Jumlah hari tanpa aktivitas sebelum anggota mendapat sapaan",
  "arg.cooldown": "jeda hari (7–365)",
  "arg.cooldown.help": "Jumlah hari setelah satu sapaan sebelum anggota yang sama boleh mendapat sapaan lagi",
  "arg.perDay": "per hari (1–500)",
  "arg.perDay.help": "Paling banyak sapaan per hari, mulai dari yang paling lama kurang aktif",

  "nudge.greeting": "Halo {user}! Salam hangat dari {community}.",
  "nudge.nextMeeting": "Pertemuan kita berikutnya {when}.",
  "nudge.nextTopic": "Kita akan membahas: {topic}",
  "nudge.matched": "Anda pernah menyebut ingin dibantu dalam hal yang mirip dengan usulan topik ini: {topic}",
  "nudge.noPressure":
    "Silakan hadir kapan pun Anda sempat, atau tetap ikut membaca: keduanya sama baiknya. Saya tidak akan mengirim sapaan lagi untuk beberapa waktu.",
  "nudge.come": "Saya akan hadir",
  "nudge.snooze": "Tunda sebulan",
  "nudge.justRead": "Saya cukup membaca saja",
  "nudge.snoozed": "Baik: tidak ada sapaan dari saya sampai {day}. Sampai jumpa!",
  "nudge.justReading":
    "Tentu tidak apa-apa: ikut membaca adalah cara yang baik untuk menjadi bagian dari {community}. Saya tidak akan mengirim sapaan lagi. Jika Anda berubah pikiran: {usage}",
  "nudge.offDone":
    "Sapaan untuk Anda dimatikan. Membaca saja juga tidak apa-apa. Untuk menyalakannya lagi: {usage}",
  "nudge.onDone": "Sapaan untuk Anda menyala lagi.",
  "nudge.snoozeDone": "Tidak ada sapaan untuk Anda sampai {day}.",
  "nudge.settingsDone":
    "Sapaan dikirim kepada anggota yang kurang aktif selama {days} hari, paling sering sekali setiap {cooldown} hari, dan paling banyak {perDay} per hari.",
  "nudge.pausedDone": "Sapaan dijeda untuk komunitas ini. Hal lain tidak berubah. Untuk melanjutkan: {usage}",
  "nudge.resumedDone": "Sapaan berjalan lagi.",
  "nudge.alreadyPaused": "Sapaan sudah dijeda. Untuk melanjutkan: {usage}",
  "nudge.notPaused": "Sapaan tidak sedang dijeda.",
  "nudge.quietTitle": "Anggota yang kurang aktif (hanya Anda yang melihat ini)",
  "nudge.quietCounts":
    "Kurang aktif {days}+ hari: {quiet} dapat disapa; {optedOut} cukup membaca saja, {snoozed} menunda, {cooldown} baru saja disapa.",
  "nudge.quietNone": "Tidak ada yang kurang aktif selama {days} hari. Senang sekali.",
  "nudge.quietSince": "{user}: kurang aktif sejak {day}",
  "nudge.quietPaused": "Sapaan sedang dijeda.",
  "nudge.unreadTitle":
    "guyub tidak dapat membaca {count} kanal pada percobaan terakhirnya, sehingga belum tahu siapa yang ikut serta di sana. Sapaan tidak dikirim sampai semua kanal dapat dibaca kembali:",
  "nudge.unread.cannot_view":
    "{channel}: guyub tidak dapat melihat kanal ini. Izinkan peran guyub untuk View Channels di sini.",
  "nudge.unread.cannot_read_history":
    "{channel}: guyub dapat melihat kanal ini, tetapi tidak boleh membaca pesannya. Izinkan peran guyub untuk Read Message History di sini.",
  "nudge.unread.no_access":
    "{channel}: akses guyub ditolak (mungkin guyub sudah dikeluarkan dari server). Tambahkan kembali dengan tautan pemasangan.",
  "nudge.unread.messages_hidden":
    "{channel}: di sini guyub hanya melihat perintah dan balasan untuknya, sehingga belum tahu siapa yang ikut serta. Jadikan guyub administrator grup ini. Jika pengaturan privasinya diubah di BotFather, keluarkan guyub dari grup lalu tambahkan kembali agar perubahan itu berlaku.",
  "nudge.badSetting": "{what} harus bilangan bulat dari {min} sampai {max}.",
};
