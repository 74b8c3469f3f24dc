import type { installEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of the Slack install pages. */
export const installId: Record<keyof typeof installEn, string> = {
  "install.title": "Memasang guyub",
  "install.done.title": "guyub sudah terpasang",
  "install.done": "guyub sekarang sudah ada di workspace {workspace}.",
  "install.done.next":
    "Selanjutnya, undang guyub ke kanal komunitas Anda (/invite @guyub), lalu ketik {usage} di sana untuk memilih kanal utama, bahasa, dan zona waktu.",
  "install.cancelled.title": "Pemasangan dibatalkan",
  "install.cancelled":
    "Anda membatalkan pemasangan, jadi guyub tidak ditambahkan ke workspace Anda. Tidak ada yang disimpan.",
  "install.again": "Pasang guyub",
  "install.badState":
    "Tautan pemasangan ini tidak berlaku: sudah pernah dipakai, tidak dimulai dari browser ini, atau sudah diubah. Tidak ada yang disimpan. Silakan mulai lagi.",
  "install.expired":
    "Pemasangan ini memakan waktu lebih dari 10 menit sehingga tautannya sudah kedaluwarsa. Tidak ada yang disimpan. Silakan mulai lagi.",
  "install.noCode":
    "Slack tidak mengirimkan kode persetujuan untuk pemasangan ini. Tidak ada yang disimpan. Silakan mulai lagi.",
  "install.slackRefused":
    "Slack tidak menyelesaikan pemasangan ({error}). Tidak ada yang disimpan. Silakan mulai lagi, atau hubungi pengelola guyub.",
  "install.notAllowed":
    "guyub ini hanya untuk workspace tertentu, dan {workspace} tidak termasuk. Tidak ada yang disimpan. Silakan hubungi pengelola guyub.",
  "install.notConfigured":
    "guyub ini belum siap untuk dipasang. Tidak ada yang disimpan. Mohon minta pengelolanya menyelesaikan penyiapan.",
};
