import type { examplesEn } from "./strings-examples-en.ts";

/** Example values in help and argument errors, in Bahasa Indonesia (spread into id.ts). */
export const examplesId: Record<keyof typeof examplesEn, string> = {
  "example.timezone": "WIB",
  "example.weekday": "selasa",
  "example.time": "19.00",
  "example.channel": "#umum",
  "example.channelPlaceholder": "#kanal",
  "example.schedule": "mingguan selasa 19.00",
  "example.memberPlaceholder": "@anggota",
  "example.doneNotes": "Berbagi rubrik untuk tugas proyek",
};
