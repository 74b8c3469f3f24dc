import type { meetingsEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of the timezone and meeting commands (spread into id.ts). */
export const meetingsId: Record<keyof typeof meetingsEn, string> = {
  "cmd.timezone": "Atur zona waktu komunitas, mis. Asia/Jakarta",
  "cmd.meeting": "Pertemuan rutin komunitas",
  "cmd.meeting.schedule": "Jadwalkan pertemuan rutin (moderator)",
  "cmd.meeting.next": "Kapan dan di mana pertemuan berikutnya",
  "cmd.meeting.list": "4 pertemuan berikutnya",
  "arg.timezone": "zona-waktu",
  "arg.timezone.help": "Nama IANA, mis. Asia/Jakarta",
  "arg.cadence": "frekuensi",
  "arg.cadence.help": "weekly (mingguan), biweekly (dua mingguan) atau monthly (bulanan)",
  "arg.weekday": "hari",
  "arg.weekday.help": "mis. Selasa, sel, tue",
  "arg.time": "jam",
  "arg.time.help": "Jam mulai setempat, JJ:MM",
  "arg.minutes": "menit",
  "arg.minutes.help": "Lama dalam menit (60 bila dikosongkan)",
  "arg.link": "tautan",
  "arg.link.help": "Tempat bertemu, https://…",
  "timezone.set": "Zona waktu komunitas kini {zone}. Jam pertemuan tetap sesuai waktu setempat.",
  "timezone.unchanged": "Zona waktunya memang sudah {zone}.",
  "timezone.bad":
    "Saya tidak mengenal zona waktu “{zone}”. Gunakan nama IANA seperti Asia/Jakarta atau Asia/Makassar. Tidak ada yang diubah.",
  "meeting.badWeekday":
    "“{value}” bukan nama hari yang saya kenal; coba Selasa, sel, atau tue. Tidak ada yang diubah.",
  "meeting.badTime":
    "“{value}” bukan jam yang valid: gunakan JJ:MM dari 00:00 sampai 23:59, mis. 19:00. Tidak ada yang diubah.",
  "meeting.badMinutes":
    "“{value}” bukan lama pertemuan yang valid: gunakan 5 sampai 600 menit. Tidak ada yang diubah.",
  "meeting.badLink":
    "“{value}” bukan tautan: gunakan alamat lengkap yang diawali https://. Tidak ada yang diubah.",
  "meeting.cadence.weekly": "setiap minggu",
  "meeting.cadence.biweekly": "setiap dua minggu",
  "meeting.cadence.monthly": "setiap bulan, pada minggu dan hari yang sama",
  "meeting.scheduled": "Pertemuan dijadwalkan {cadence}, selama {minutes} menit. Pertemuan pertama: {when}.",
  "meeting.zone": "Waktu mengikuti zona {zone}. Untuk mengubah zona waktu: {usage}",
  "meeting.none": "Belum ada pertemuan yang dijadwalkan. Moderator dapat mengaturnya: {usage}",
  "meeting.noneAhead": "Belum ada pertemuan dalam waktu dekat.",
  "meeting.next": "Pertemuan berikutnya: {when}",
  "meeting.listTitle": "Pertemuan berikutnya",
  "meeting.link": "Tautan: {link}",
  "meeting.moved": "(dipindah)",
};
