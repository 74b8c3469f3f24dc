import type { membershipEn } from "./strings-en.ts";

/**
 * Bahasa Indonesia for membership, in the warm "Anda" register (docs/architecture.md, "Bahasa
 * Indonesia"). Spread into `src/core/i18n/id.ts` (through `src/features/catalog.ts`); typed against the English keys.
 */
export const membershipId: Record<keyof typeof membershipEn, string> = {
  "example.welcome": "Selamat datang! Kita bertemu pada Selasa pertama setiap bulan.",
  "example.conduct": "Saling menghargai, berbagi dengan murah hati, dan jaga apa yang dibagikan di sini.",
  "cmd.join": "Bergabung dengan komunitas ini, atau kembali setelah mundur",
  "cmd.leave": "Mundur dari komunitas ini (Anda selalu dapat kembali)",
  "cmd.members": "Jumlah anggota dan anggota terbaru",
  "cmd.onboarding": "Atur cara guyub menyambut anggota baru",
  "cmd.onboarding.welcome": "Atur pesan selamat datang untuk anggota baru",
  "cmd.onboarding.conduct": "Atur tata tertib komunitas yang ditampilkan bersama sambutan",
  "cmd.onboarding.followup": "Jumlah hari setelah sambutan sebelum satu pengingat ramah",
  "cmd.onboarding.channel": "Atur kanal utama tempat guyub mengirim pesan",
  "cmd.onboarding.preview": "Lihat persis apa yang diterima anggota baru",
  "cmd.onboarding.sync": "Baca daftar anggota sekarang",

  "arg.welcome": "teks sambutan",
  "arg.welcome.help":
    "Yang pertama kali dibaca anggota baru (paling banyak 1000 karakter); default mengembalikan teks bawaan",
  "arg.conduct": "tata tertib",
  "arg.conduct.help": "Ditampilkan bersama setiap sambutan (paling banyak 800 karakter); none menghapusnya",
  "arg.days": "jumlah hari (1–60)",
  "arg.days.help": "Jumlah hari setelah sambutan sebelum pengingat, dari 1 sampai 60",
  "arg.channel": "kanal",
  "arg.channel.help": "Kanal yang dimaksud, sebagai #mention kanal",

  "welcome.title": "Selamat datang!",
  "welcome.default":
    "Kami senang Anda bergabung. Komunitas praktik ini adalah tempat untuk saling belajar: kita bertemu secara rutin, berbagi praktik baik, dan saling membantu mencari jalan keluar untuk hal yang belum berhasil. Ceritakan sedikit tentang diri Anda agar anggota lain tahu apa yang Anda kerjakan dan apa yang dapat Anda bagikan.",
  "welcome.conduct": "Tata tertib komunitas",
  "welcome.introButton": "Perkenalkan diri Anda",
  "welcome.help": "Ketik {usage} kapan saja untuk melihat apa yang dapat guyub bantu.",
  "welcome.fallback":
    "Selamat datang, {member}! Kami senang Anda bergabung. Silakan menyapa dan ceritakan sedikit tentang diri Anda.",

  "followup.text":
    "Halo lagi! Kami ingin sekali mengenal Anda. Perkenalan hanya perlu satu menit, dan membantu anggota lain menemukan Anda saat mereka membutuhkan pengetahuan Anda.",
  "followup.justReading":
    "Jika untuk saat ini Anda cukup membaca saja, itu sama sekali tidak apa-apa. Ini satu-satunya pengingat dari kami.",

  "join.back": "Selamat datang kembali! Anda kini kembali menjadi anggota aktif komunitas ini.",
  "join.already":
    "Anda sudah menjadi anggota komunitas ini. Gunakan {usage} untuk melihat apa saja yang dapat Anda lakukan.",
  "join.introduce":
    "Perkenalkan diri Anda (atau perbarui perkenalan Anda) agar anggota lain tahu apa yang dapat Anda bagikan.",
  "leave.done":
    "Anda telah mundur dari komunitas ini. Terima kasih atas semua yang telah Anda bagikan! Mulai sekarang guyub tidak lagi menyertakan Anda dalam pertemuan, pengingat, dan ringkasan.",
  "leave.return": "Kapan pun Anda ingin kembali: {usage}",
  "leave.already": "Anda sudah mundur dari komunitas ini. Untuk kembali: {usage}",
  "steppedBack.refused":
    "Anda sedang mundur dari komunitas ini, jadi tidak ada yang diubah. Kapan pun Anda ingin ikut serta lagi: {usage}",

  "members.title": "Anggota",
  "members.active": "Aktif",
  "members.paused": "Sedang rehat",
  "members.alumni": "Alumni",
  "members.newest": "Anggota terbaru",
  "members.none": "Belum ada anggota aktif.",
  "members.joined": "{member}, bergabung {date}",
  "members.syncNever":
    "guyub belum membaca daftar anggota (dilakukan setiap jam). Gunakan {usage} untuk membacanya sekarang.",
  "members.syncLast":
    "Daftar anggota terakhir dibaca {at}: {seen} anggota, {joined} bergabung, {left} keluar.",
  "members.syncRunning": "Sedang membaca daftar anggota: {seen} anggota sejauh ini.",
  "members.syncError": "Daftar anggota tidak dapat dibaca terakhir kali: {error}",

  "onboarding.welcomeSet":
    "Tersimpan: anggota baru kini menerima sambutan Anda. Gunakan {usage} untuk melihatnya seperti yang akan mereka lihat.",
  "onboarding.welcomeReset": "Anggota baru kembali menerima sambutan bawaan.",
  "onboarding.conductSet": "Tersimpan: tata tertib komunitas ditampilkan bersama setiap sambutan.",
  "onboarding.conductCleared": "Sambutan tidak lagi menampilkan tata tertib komunitas.",
  "onboarding.followupSet":
    "Anggota baru yang belum memperkenalkan diri dan belum memakai guyub akan menerima satu pengingat ramah {days} hari setelah sambutan.",
  "onboarding.channelSet":
    "{channel} kini menjadi kanal utama: guyub mengirim pesan di sana, dan sambutan yang tidak dapat dikirim secara pribadi dikirim ke sana.",
  "onboarding.previewIntro": "Pratinjau: inilah pesan pribadi yang diterima anggota baru.",
  "onboarding.previewFallback":
    "Jika pesan pribadi mereka tertutup, guyub mengirim pesan ini di {channel} sebagai gantinya:",
  "onboarding.previewNoChannel":
    "Belum ada kanal utama, jadi anggota baru yang pesan pribadinya tertutup tidak menerima sambutan. Gunakan {usage} untuk mengaturnya.",
  "onboarding.previewFollowup":
    "Setelah {days} hari tanpa perkenalan atau pemakaian guyub, mereka menerima satu pengingat ramah.",
  "onboarding.syncStarted":
    "Sedang membaca daftar anggota. Anggota yang sudah ada saat pembacaan lengkap pertama dicatat tanpa sambutan; anggota yang bergabung sesudahnya akan disambut. Gunakan {usage} untuk melihat hasilnya.",
  "onboarding.syncQueued":
    "Daftar anggota akan dibaca dalam 15 menit. Gunakan {usage} untuk melihat hasilnya.",
  "onboarding.noMainChannel":
    "Perhatian: belum ada kanal utama, jadi guyub tidak dapat mengirim pesan publik; sambutan yang tidak terkirim lewat pesan pribadi tidak punya tempat lain. Atur kanal utama dengan {usage}.",
  "digest.newcomers": "Selamat datang, anggota baru kita",
};
