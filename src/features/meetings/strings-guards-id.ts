import type { calendarGuardsEn } from "./strings-guards-en.ts";

/** Bahasa Indonesia strings of the calendar's guard rails (spread into id.ts). */
export const calendarGuardsId: Record<keyof typeof calendarGuardsEn, string> = {
  "holiday.noSuchDate": "Tanggal {value} tidak ada di kalender. Tidak ada yang diubah.",
  "holiday.noSuchDateIn": "Tanggal {value} tidak ada di kalender (pada “{entry}”). Tidak ada yang diubah.",
  "holiday.tooLong":
    "“{entry}” panjangnya {days} hari; satu hari libur paling lama {max} hari (tambahkan libur yang lebih panjang dalam beberapa bagian). Tidak ada yang diubah.",
  "holiday.past":
    "{day} sudah lewat: hari libur dapat dimulai hari ini ({today}) atau sesudahnya. Tidak ada yang diubah.",
  "holiday.allPast": "Semua {count} sudah lewat (sebelum {today}): tidak ada yang ditambahkan.",
  "holiday.skippedPast": "{count} yang sudah lewat (sebelum {today}) dilewati.",
  "holiday.replaces": "Ini menggantikan {holidays}, yang dimulai pada hari yang sama.",
  "holiday.overlaps": "{holidays} juga jatuh pada sebagian hari ini dan tetap seperti semula.",
  "meeting.moveToPast":
    "{when} sudah lewat: pertemuan hanya dapat dipindah ke waktu yang masih akan datang. Tidak ada yang diubah.",
  "meeting.moveToHoliday":
    "{day} adalah hari libur ({holiday}), jadi tidak ada pertemuan pada hari itu. Pilih hari lain atau hapus dulu hari liburnya ({usage}). Tidak ada yang diubah.",
};
