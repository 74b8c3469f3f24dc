import type { healthEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of the health page (GET /). */
export const healthId: Record<keyof typeof healthEn, string> = {
  "health.title": "guyub: apakah layanan ini sehat?",
  "health.intro":
    "Halaman ini memeriksa layanan guyub ini: pengaturan, basis data, pekerjaan terjadwal, dan antreannya. Halaman ini tidak pernah menampilkan isi rahasia ataupun data anggota.",
  "health.ok": "Baik",
  "health.attention": "Perlu diperiksa",
  "health.checkedAt": "Diperiksa {at}.",
  "health.unreadable": "Basis data tidak dapat dibaca, jadi bagian ini belum diketahui.",

  "health.install.title": "Tambahkan guyub ke komunitas Anda",
  "health.install.slack": "Tambahkan ke Slack",
  "health.install.discord": "Tambahkan ke Discord",
  "health.install.telegram": "Tambahkan ke grup Telegram",
  "health.install.none":
    "Belum ada tombol pemasangan: isi SLACK_CLIENT_ID (dan SLACK_CLIENT_SECRET) untuk Slack, DISCORD_APPLICATION_ID untuk Discord, TELEGRAM_BOT_TOKEN dan TELEGRAM_BOT_USERNAME untuk Telegram (npm run setup menyimpannya).",
  "health.install.discordNote":
    "Discord hanya meminta izin View Channels, Send Messages, dan Read Message History, tidak lebih.",
  "health.install.telegramNote":
    "Telegram: setelah bot ditambahkan, jadikan bot admin grup (tanpa hak apa pun): hanya dengan begitu bot dapat melihat aktivitas grup serta siapa yang bergabung atau keluar.",

  "health.communities.title": "Komunitas",
  "health.communities.line": "{platform}: {count} terpasang",
  "health.communities.none": "Belum ada komunitas yang memakai guyub.",

  "health.secrets.title": "Pengaturan dan rahasia",
  "health.secrets.intro": "Hanya apakah sudah diisi, tidak pernah isinya.",
  "health.secrets.name": "Nama",
  "health.secrets.state": "Status",
  "health.secrets.purpose": "Kegunaan",
  "health.secrets.set": "sudah diisi",
  "health.secrets.unset": "belum diisi",
  "health.secret.SLACK_SIGNING_SECRET": "Memastikan permintaan benar-benar dikirim oleh Slack.",
  "health.secret.SLACK_BOT_TOKEN": "Satu workspace Slack tanpa pemasangan OAuth.",
  "health.secret.SLACK_CLIENT_ID": "OAuth Slack: tombol Tambahkan ke Slack.",
  "health.secret.SLACK_CLIENT_SECRET": "OAuth Slack: menyelesaikan pemasangan.",
  "health.secret.DISCORD_PUBLIC_KEY": "Memastikan permintaan benar-benar dikirim oleh Discord.",
  "health.secret.DISCORD_APPLICATION_ID": "Aplikasi Discord: perintahnya dan tombol Tambahkan ke Discord.",
  "health.secret.DISCORD_BOT_TOKEN": "Mengirim dan membaca pesan di Discord.",
  "health.secret.DISCORD_GUILD_ID": "Opsional: mendaftarkan perintah hanya di satu server Discord.",
  "health.secret.TELEGRAM_BOT_TOKEN":
    "Bot Telegram (dari BotFather): mengirim dan membaca pesan di Telegram.",
  "health.secret.TELEGRAM_WEBHOOK_SECRET": "Memastikan pembaruan benar-benar dikirim oleh Telegram.",
  "health.secret.TELEGRAM_BOT_USERNAME":
    "Nama bot: perintah yang ditujukan kepadanya, dan tombol Tambahkan ke grup Telegram.",
  "health.secret.TOKEN_ENCRYPTION_KEY": "Mengenkripsi token Slack yang disimpan guyub (satu kunci).",
  "health.secret.TOKEN_ENCRYPTION_KEYS":
    "Sama, berupa rangkaian kunci, agar kunci dapat diganti tanpa henti layanan.",
  "health.secret.PUBLIC_URL": "Alamat layanan ini, untuk tautan pemasangan.",

  "health.schema.title": "Skema basis data",
  "health.schema.current":
    "Mutakhir: semua migrasi yang dikenal kode ini sudah diterapkan (yang terbaru {newest}).",
  "health.schema.behind":
    "Tertinggal: ada migrasi yang belum diterapkan ({count}): {names}. Terapkan dengan npm run db:migrate:remote.",
  "health.schema.ahead":
    "Lebih baru: basis data sudah memiliki {applied}, lebih baru daripada yang terbaru di kode ini ({newest}). Pasang kode yang lebih baru.",
  "health.schema.unknown": "Belum diketahui: daftar migrasi yang sudah diterapkan tidak dapat dibaca.",

  "health.cron.title": "Pekerjaan terjadwal (cron)",
  "health.cron.none":
    "Belum ada putaran yang tercatat. Setelah dipasang, cron berjalan setiap 15 menit dan mencatat setiap putarannya di sini.",
  "health.cron.ok": "Putaran terakhir {at} ({ago}): berhasil.",
  "health.cron.failed":
    "Putaran terakhir {at} ({ago}): gagal pada {parts}. Log Worker (wrangler tail) menjelaskan penyebabnya.",
  "health.cron.late":
    "Ini terlambat: putaran seharusnya berjalan setiap 15 menit. Periksa pemicu cron di dasbor Cloudflare.",

  "health.queues.title": "Antrean",
  "health.queues.intro":
    "Setiap putaran mengirim sinyal kecil melalui setiap antrean; inilah lama sinyal terakhir kembali.",
  "health.queues.back": "kembali setelah {ms} milidetik, {ago}",
  "health.queues.waiting": "sinyal dikirim {ago}, belum kembali",
  "health.queues.lost": "sinyal yang dikirim {ago} belum kembali: apakah penerima antrean ini berjalan?",
  "health.queues.none": "belum ada sinyal (putaran pertama akan mengirimnya)",

  "health.tokens.title": "Enkripsi token",
  "health.tokens.intro":
    "Rangkaian kunci yang mengenkripsi token Slack yang tersimpan, dicocokkan dengan token tersebut. Yang ditampilkan hanya ID kunci dan ID baris, tidak pernah token ataupun kuncinya.",
  "health.tokens.unset":
    "Belum ada kunci enkripsi: isi TOKEN_ENCRYPTION_KEYS (kid:base64key, dipisahkan koma) atau TOKEN_ENCRYPTION_KEY.",
  "health.tokens.malformed": "Rangkaian kunci tidak dapat dipakai: {reason}",
  "health.tokens.unreadable":
    "Tidak satu pun dari {count} token yang tersimpan dapat dibaca sampai rangkaian kunci diperbaiki.",
  "health.tokens.active": "Rangkaian kunci dapat dipakai; token baru dienkripsi dengan kunci {active}.",
  "health.tokens.stored": "Token tersimpan: {count}.",
  "health.tokens.waiting":
    "{count} token tersimpan masih memakai kunci lama dalam rangkaian; tugas enkripsi ulang akan memindahkannya dalam beberapa putaran cron (setiap 15 menit). Simpan kunci lama sampai angka ini menjadi 0.",
  "health.tokens.allActive": "Semua token tersimpan sudah memakai kunci yang aktif.",
  "health.tokens.missing":
    "{count} token tersimpan dienkripsi dengan kunci yang tidak ada dalam rangkaian, sehingga tidak dapat dibaca. Kembalikan kunci tersebut ke TOKEN_ENCRYPTION_KEYS (setelah kunci yang aktif):",
  "health.tokens.row": "pemasangan {installation} ({platform} {workspace}), {field}: kunci {key}",
  "health.tokens.noKeyId": "bukan nilai terenkripsi yang dapat dibaca",
  "health.tokens.more": "dan {count} lainnya",
};
