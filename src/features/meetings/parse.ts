/**
 * What moderators type, in English or Bahasa Indonesia: weekdays (`tue`, `Tuesday`, `Selasa`,
 * `sel`), local times (`19:00`, `19.00`) and minutes.
 */

// ISO order, Monday first. Indonesian short forms are the ones calendars print (Sen, Sel, Rab, …).
const WEEKDAYS: readonly (readonly string[])[] = [
  ["mon", "monday", "senin", "sen"],
  ["tue", "tues", "tuesday", "selasa", "sel"],
  ["wed", "wednesday", "rabu", "rab"],
  ["thu", "thur", "thurs", "thursday", "kamis", "kam"],
  ["fri", "friday", "jumat", "jum'at", "jum"],
  ["sat", "saturday", "sabtu", "sab"],
  ["sun", "sunday", "minggu", "min", "ahad"],
];

/** ISO weekday (1 Monday … 7 Sunday) of a typed weekday name, else null. */
export function parseWeekday(text: string): number | null {
  const word = text.trim().toLowerCase().replace(/\.$/, "");
  const index = WEEKDAYS.findIndex((names) => names.includes(word));
  return index === -1 ? null : index + 1;
}

/** Minutes since local midnight of `HH:MM` (Indonesian writes `19.00`), else null. */
export function parseTime(text: string): number | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** `19:00` from minutes since midnight. */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** A meeting length in minutes (5 to 600), else null. */
export function parseMinutes(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const minutes = Number(text);
  return minutes >= 5 && minutes <= 600 ? minutes : null;
}

/**
 * An http(s) link, else null: anything else would be rendered as a link members click. Discord
 * members wrap a link in `<…>` to keep its preview out of the chat: the brackets are not the link.
 */
export function parseLink(text: string): string | null {
  try {
    const url = new URL(text.trim().replace(/^<([^<>\s]+)>$/, "$1"));
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Whether the platform knows an IANA timezone name (`Asia/Jakarta`). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone) && zone !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Indonesia's three zones as Indonesians name them; `Intl` knows none of these words. Asia/Pontianak
 * (West Kalimantan) is WIB too, but WIB names the zone most members live in, Jakarta's.
 */
export const INDONESIAN_ZONES: Readonly<Record<string, string>> = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
};

/**
 * The platform's spelling of a zone name (Intl knows them case-insensitively; WIB, WITA and WIT
 * become their IANA zones), or null if unknown.
 */
export function canonicalTimeZone(zone: string): string | null {
  const trimmed = INDONESIAN_ZONES[zone.trim().toUpperCase()] ?? zone.trim();
  if (!isTimeZone(trimmed)) return null;
  return new Intl.DateTimeFormat("en", { timeZone: trimmed }).resolvedOptions().timeZone;
}
