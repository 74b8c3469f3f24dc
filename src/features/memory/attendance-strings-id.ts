import type { attendanceEn } from "./attendance-strings-en.ts";

/** Bahasa Indonesia strings of the attendance form of `/cop meeting done` (listed in src/features/catalog.ts). */
export const attendanceId: Record<keyof typeof attendanceEn, string> = {
  "doneForm.title": "Pertemuan terlaksana",
  "doneForm.submit": "Simpan",
  "doneForm.opened": "Ini formulir untuk mencatat pertemuan {day} sebagai terlaksana.",
  "doneForm.attended": "Siapa yang hadir",
  "doneForm.hint": "Sudah terisi dengan yang menjawab hadir: silakan tambah atau hapus.",
  "doneForm.many":
    "{count} orang menjawab hadir, di sini muat 25: yang lain dapat menekan “Saya hadir” di catatan.",
  "doneForm.notes": "Catatan (opsional)",
  "doneForm.notesTooLong": "Catatan paling banyak 1.000 karakter.",
  "doneForm.tooMany":
    "Paling banyak 25 orang di sini: yang lain dapat menekan “Saya hadir” di catatan pertemuan.",
  "doneForm.notMembers":
    "{count} orang yang dipilih bukan anggota komunitas ini: silakan pilih anggota saja.",
  "doneForm.recorded": "Kehadiran terkonfirmasi: {count} orang.",
};
