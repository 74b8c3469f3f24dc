import type { privacyEn } from "./strings-en.ts";

/** Indonesian strings of the privacy feature (listed in src/features/catalog.ts). */
export const privacyId: Record<keyof typeof privacyEn, string> = {
  "cmd.profile.export":
    "Lihat semua data yang disimpan guyub tentang Anda di komunitas ini (juga sebagai berkas)",
  "privacy.exportIntro": "Data yang disimpan guyub tentang Anda di komunitas ini:",
  "privacy.exportCount": "{count} butir",
  "privacy.exportCountOne": "1 butir",
  "privacy.exportNothing": "Belum ada.",
  "privacy.exportFileComing":
    "Data lengkapnya dikirim kepada Anda sebagai berkas JSON lewat pesan pribadi. Laporan dan catatan moderator tentang Anda hanya dicantumkan tanggalnya.",
  "privacy.exportFileFollows":
    "Data lengkapnya menyusul sebagai berkas JSON dalam pesan pribadi di bawah pesan ini, yang hanya dapat Anda lihat. Laporan dan catatan moderator tentang Anda hanya dicantumkan tanggalnya.",
  "privacy.exportFileIntro":
    "Semua data yang disimpan guyub tentang Anda di {community}, sesuai permintaan Anda lewat /cop profile export.",
  "privacy.exportFileTitle": "Data guyub Anda ({day})",
  "privacy.exportTooLarge":
    "Data Anda terlalu besar untuk dikirim sebagai satu berkas. Tidak ada yang dikirim; silakan minta bantuan moderator.",
  "privacy.part.profiles": "Profil",
  "privacy.part.membership": "Keanggotaan",
  "privacy.part.kudos": "Apresiasi",
  "privacy.part.meetings": "Pertemuan dan konfirmasi kehadiran",
  "privacy.part.rotation": "Giliran fasilitator",
  "privacy.part.topics": "Topik dan dukungan",
  "privacy.part.nudges": "Sapaan",
  "privacy.part.reports": "Laporan",
  "privacy.part.audit": "Catatan moderator",
  "privacy.part.core": "Draf dan pesan",
  "cmd.profile.forget": "Hapus data yang disimpan guyub tentang Anda di komunitas ini",
  "privacy.forgetAsk":
    'Ini akan menghapus data yang disimpan guyub tentang Anda di {community}: profil, draf formulir, alasan apresiasi, hari aktif, pengaturan sapaan, dan pesan yang masih menunggu untuk Anda. Yang disimpan anggota lain (jumlah apresiasi, giliran fasilitator, topik yang Anda usulkan, dukungan topik) tetap ada sebagai "mantan anggota". Anda tidak lagi menjadi anggota; jika kembali nanti, Anda mulai dari awal. Tindakan ini tidak dapat dibatalkan.',
  "privacy.forgetButton": "Hapus data saya",
  "privacy.forgotten":
    "Selesai: data yang disimpan guyub tentang Anda di sini sudah dihapus, dan Anda tidak lagi menjadi anggota. Jika ingin kembali, gunakan {usage} untuk memulai dari awal.",
  "privacy.formerMember": "mantan anggota",
  "privacy.moderatorForgotten":
    "{member} pernah meminta guyub melupakannya di komunitas ini, jadi guyub tidak dapat menambahkannya. Tidak ada yang berubah; ia dapat kembali sendiri dengan {usage}.",
  "privacy.forgottenRefused":
    "Anda pernah meminta guyub melupakan Anda di komunitas ini, jadi guyub tidak menyimpan apa pun tentang Anda di sini dan tidak melakukan apa-apa sekarang. Jika ingin kembali, gunakan {usage} untuk menjadi anggota baru.",
};
