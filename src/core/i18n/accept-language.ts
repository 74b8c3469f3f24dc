import { LOCALES, type Locale } from "./index.ts";

/**
 * The locale an `Accept-Language` header prefers among guyub's (RFC 9110 §12.5.4): each range with
 * its q-value (default 1; `q=0` means "not this"), the highest q wins, ties go to the earlier
 * range. `id-ID` matches `id`; `*` matches the default. Nothing usable: English.
 */
export function localeFromAcceptLanguage(header: string | null | undefined, fallback: Locale = "en"): Locale {
  let best: { locale: Locale; q: number } | null = null;
  for (const part of (header ?? "").split(",")) {
    const [range = "", ...params] = part.trim().split(";");
    const tag = range.trim().toLowerCase();
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!tag || !Number.isFinite(q) || q <= 0 || q > 1) continue;
    const primary = tag.split("-")[0];
    const locale = tag === "*" ? fallback : LOCALES.find((l) => l === primary);
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? fallback;
}
