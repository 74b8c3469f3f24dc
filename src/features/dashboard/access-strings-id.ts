import type { dashboardAccessEn } from "./access-strings-en.ts";

/** Bahasa Indonesia strings of the dashboard's link and pages. */
export const dashboardAccessId: Record<keyof typeof dashboardAccessEn, string> = {
  "cmd.dashboard": "Tautan pribadi ke halaman kesehatan komunitas Anda (berlaku sekali, selama 15 menit)",
  "dashboard.link.title": "Halaman kesehatan komunitas Anda",
  "dashboard.link.note":
    "Tautan ini hanya untuk Anda: berlaku satu kali, dalam {minutes} menit. Mohon jangan dibagikan.",
  "dashboard.link.replayed": "Permintaan ini sudah dijawab. Untuk tautan baru: {usage}.",
  "dashboard.noAddress":
    "Halaman kesehatan memerlukan alamat layanan ini (pengaturan PUBLIC_URL). Mohon minta pengelola guyub untuk mengaturnya.",
  "dashboard.page.title": "{community}: bagaimana kabar komunitas",
  "dashboard.open.title": "Buka halaman kesehatan",
  "dashboard.open.lead":
    "Tekan tombol di bawah untuk membuka halaman kesehatan komunitas Anda. Setelah itu tautan ini tidak berlaku lagi.",
  "dashboard.open.button": "Buka halaman kesehatan",
  "dashboard.refused.title": "Halaman ini tidak dapat ditampilkan",
  "dashboard.refused.link":
    "Tautan ini sudah kedaluwarsa, sudah dipakai, atau tidak sah. Ketik {usage} di komunitas Anda untuk tautan baru.",
  "dashboard.refused.notModerator":
    "Halaman ini hanya untuk moderator, dan saat ini Anda bukan moderator komunitas ini.",
  "dashboard.refused.unverifiable":
    "guyub belum dapat memastikan bahwa Anda moderator. Mohon coba lagi beberapa menit lagi dengan tautan baru: {usage}.",
  "dashboard.refused.session": "Sesi Anda sudah berakhir. Ketik {usage} di komunitas Anda untuk tautan baru.",
};
