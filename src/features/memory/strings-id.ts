import type { memoryEn } from "./strings-en.ts";

/** Indonesian strings of the meeting memory. */
export const memoryId: Record<keyof typeof memoryEn, string> = {
  "cmd.meeting.note": "Tambahkan poin penting ke notulen pertemuan terakhir",
  "cmd.meeting.resource": "Bagikan tautan di notulen pertemuan terakhir",
  "cmd.meeting.action": "Catat tindak lanjut yang diambil seseorang",
  "arg.entryText": "teks",
  "arg.entryText.help": "Teksnya (awali tanggal: pertemuan sebelumnya); atau hapus 3, ubah 3 …",
  "arg.resourceText": "tautan-dan-judul",
  "arg.resourceText.help": "Tautannya, lalu judulnya; atau hapus 3, ubah 3 …",
  "example.memoryNote": "Penilaian sejawat paling baik dengan rubrik",
  "example.memoryResource": "https://example.org/rubrik Templat rubrik penilaian",
  "example.memoryAction": "Bagikan templat rubrik @ayu",
  "memory.kind.note": "catatan",
  "memory.kind.resource": "sumber belajar",
  "memory.kind.action": "tindak lanjut",
  "memory.added":
    "Sudah ditambahkan sebagai {kind} #{number} di notulen pertemuan {day}. Untuk mengubahnya: {usage}",
  "memory.addedSoon": "Sudah ditambahkan di notulen pertemuan {day}.",
  "memory.edited": "Sudah diubah: {kind} #{number}.",
  "memory.removed": "Sudah dihapus dari notulen pertemuan {day}: {kind} #{number}.",
  "memory.noneHeld":
    "Belum ada pertemuan dalam 30 hari terakhir, jadi belum ada notulen untuk ditambahi. Tidak ada yang disimpan.",
  "memory.notYet":
    "Pertemuan {day} belum dimulai: silakan tambahkan setelah dimulai. Tidak ada yang disimpan.",
  "memory.tooOld":
    "Pertemuan {day} sudah lewat lebih dari {days} hari: hanya pertemuan {days} hari terakhir yang bisa ditambahi. Tidak ada yang disimpan.",
  "memory.noMeeting": "Tidak ada pertemuan pada {day}. Tidak ada yang disimpan.",
  "memory.badDate":
    "“{value}” bukan tanggal: gunakan TTTT-BB-HH, misalnya 2027-03-02. Tidak ada yang disimpan.",
  "memory.noNumber": "Sebutkan nomornya, misalnya {usage}. Tidak ada yang diubah.",
  "memory.notFound": "Tidak ada entri #{number}. Tidak ada yang diubah.",
  "memory.notYours":
    "Entri #{number} ditambahkan oleh anggota lain: hanya penulisnya, fasilitator pertemuan itu, atau moderator yang bisa mengubahnya. Tidak ada yang diubah.",
  "memory.otherKind": "Entri #{number} adalah {kind}: ubah dengan {usage}. Tidak ada yang diubah.",
  "memory.bad.empty": "Silakan tambahkan teksnya, misalnya {usage}. Tidak ada yang disimpan.",
  "memory.bad.tooLong": "Teks itu {length} karakter; paling banyak 1.000. Tidak ada yang disimpan.",
  "memory.bad.noLink": "Awali dengan tautannya, lalu judulnya, misalnya {usage}. Tidak ada yang disimpan.",
  "memory.bad.badLink":
    "“{value}” bukan tautan yang bisa dibagikan: harus diawali http:// atau https://. Tidak ada yang disimpan.",
  "memory.bad.linkTooLong": "Tautan itu {length} karakter; paling banyak 500. Tidak ada yang disimpan.",
  "memory.bad.noTitle": "Silakan beri judul setelah tautannya, misalnya {usage}. Tidak ada yang disimpan.",
  "cmd.topic.resource": "Bagikan tautan pada sebuah topik",
  "arg.topicResourceText.help": "Tautannya, lalu judulnya",
  "topicResource.added": "Terima kasih! Tautan itu sudah dibagikan di topik #{id} “{title}”.",
  "topicResource.already": "Tautan itu sudah dibagikan di topik #{id} “{title}”. Tidak ada yang ditambahkan.",
  "topicResource.titleTooLong": "Judul itu {length} karakter; paling banyak 200. Tidak ada yang disimpan.",
  "record.heading": "Yang kita pelajari: pertemuan {day}",
  "record.topic": "Topik",
  "record.host": "Fasilitator",
  "record.attended": "Hadir",
  "record.notes": "Catatan",
  "record.resources": "Sumber belajar",
  "record.actions": "Tindak lanjut",
  "record.more": "…dan {count} lainnya: /cop search menemukan semuanya.",
  "record.empty": "Belum ada catatan.",
  "record.attend": "Saya hadir",
  "record.footer":
    "Tambahkan ke notulen ini: /cop meeting note <teks>, /cop meeting resource <tautan> <judul>, /cop meeting action <teks> [@anggota].",
  "attend.saved": "Terima kasih! Anda tercatat hadir di pertemuan {day}.",
  "attend.already": "Anda sudah tercatat hadir di pertemuan {day}.",
  "attend.notYet": "Pertemuan {day} belum dimulai: silakan tekan setelah dimulai.",
  "attend.tooLate": "Pertemuan {day} sudah lewat lebih dari {days} hari: kehadiran tidak bisa dicatat lagi.",
};
