import type { discordInstallEn } from "./strings-discord-en.ts";

/** Bahasa Indonesia for installing guyub into a Discord server (see strings-discord-en.ts). */
export const discordInstallId: Record<keyof typeof discordInstallEn, string> = {
  "install.discord.scope.bot":
    "Menambahkan pengguna bot guyub ke server, agar guyub dapat mengirim pesan di kanal dan pesan pribadi.",
  "install.discord.scope.commands": "Menambahkan perintah /cop, serta /copmod untuk moderator.",
  "install.discord.viewChannel":
    "Untuk melihat kanal tempat guyub mengirim dan membaca pesan; guyub hanya melihat kanal yang boleh dilihat perannya.",
  "install.discord.sendMessages":
    "Untuk mengirim pengumuman, pengingat, dan ringkasan mingguan di kanal utama.",
  "install.discord.readHistory":
    "Untuk mengetahui siapa yang ikut serta akhir-akhir ini, agar anggota yang aktif tidak menerima sapaan. Tanpa izin ini Discord tidak menampilkan pesan apa pun kepada guyub, sehingga semua anggota akan tampak kurang aktif.",
};
