import type { holidayImportEn } from "./strings-import-en.ts";

/** Bahasa Indonesia strings of `/copmod holiday import` (spread into id.ts). */
export const holidayImportId: Record<keyof typeof holidayImportEn, string> = {
  "cmd.holiday.import": "Impor hari libur nasional suatu negara per tahun",
  "arg.country": "negara",
  "arg.country.help": "Kode negara dua huruf, mis. ID, DE",
  "arg.year": "tahun",
  "arg.year.help": "mis. 2027",
  "holiday.badCountry":
    "Saya tidak punya data hari libur untuk “{value}”: gunakan kode negara dua huruf seperti ID, MY, atau DE. Tidak ada yang diubah.",
  "holiday.badYear":
    "“{value}” bukan tahun yang dapat diimpor: gunakan tahun {from} sampai {to}. Tidak ada yang diubah.",
  "holiday.importedTitle": "Hari libur nasional {country}, {year}",
  "holiday.imported": "{count} hari libur ditambahkan: {holidays}.",
  "holiday.importedMore": "…dan {count} lainnya: lihat semuanya dengan {usage}.",
  "holiday.importKept":
    "{count} jatuh pada hari yang sudah tercatat sebagai hari libur; yang sudah ada tetap seperti semula.",
  "holiday.importNothing": "Tidak ada yang baru: semuanya sudah ada di kalender. Tidak ada yang diubah.",
  "holiday.importNone":
    "Saya tidak menemukan hari libur nasional {country} untuk tahun {year}. Tidak ada yang diubah.",
  "holiday.importIndonesia":
    "Daftar resmi Indonesia ditetapkan setiap tahun lewat SKB 3 Menteri: sebagian hari libur mungkin belum ada atau bergeser sehari (hari raya Islam mengikuti SKB), dan cuti bersama tidak termasuk. Tempelkan tanggal dari SKB dengan {usage}.",
};
