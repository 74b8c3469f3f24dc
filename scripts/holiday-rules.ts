/**
 * Writes src/features/meetings/holiday-rules.json: the part of date-holidays' data that
 * `/copmod holiday import` needs, so the Worker bundle carries ~33 KiB gzip of rules instead of the
 * library's whole data set (~92 KiB gzip, plus every state and region in 60 languages).
 *
 *   npm run holidays:rules          # after bumping date-holidays (a test checks the version)
 *
 * Kept: each country's country-wide rules of type "public" (`_days` references resolved, since
 * states and regions are dropped), names in guyub's languages (English and Indonesian; an entry
 * with neither keeps all of its names), and the moment-timezone data of the few zones that rules
 * name ("march equinox in …"): the Worker aliases moment-timezone to its data-less build.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LOCALES } from "../src/core/i18n/index.ts";

type Names = Record<string, string>;
interface Day {
  type?: string;
  name?: Names | string;
  _name?: string;
  [more: string]: unknown;
}
interface Country {
  names: Names;
  langs?: string[];
  zones?: string[];
  dayoff?: string;
  _days?: string | string[];
  days?: Record<string, Day | false>;
  [more: string]: unknown;
}
interface Source {
  version: string;
  license: string;
  holidays: Record<string, Country>;
  names: Record<string, { name: Names }>;
}
interface ZonePack {
  version: string;
  zones: string[];
  links: string[];
}

const require = createRequire(import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const dataPackage = require.resolve("date-holidays/package.json");
const source = readJson<Source>(join(dirname(dataPackage), "data/holidays.json"));
const parserRequire = createRequire(require.resolve("date-holidays-parser/package.json"));
const zonePack = readJson<ZonePack>(parserRequire.resolve("moment-timezone/data/packed/latest.json"));

/** Only guyub's languages; a name in neither is kept whole so the library can still fall back. */
function keepNames<T extends Names | string>(names: T): T {
  if (typeof names === "string") return names;
  const kept = Object.fromEntries(LOCALES.filter((l) => names[l]).map((l) => [l, names[l]]));
  return (Object.keys(kept).length > 0 ? kept : names) as T;
}

/** The days a country's own rules start from: another entry's, when it refers to one. */
function referencedDays(country: Country): Record<string, Day | false> {
  if (!country._days) return {};
  let node: unknown = source.holidays;
  for (const step of [country._days].flat()) node = (node as Record<string, unknown>)[step];
  return (node as Country).days ?? {};
}

const usedNames = new Set(["substitutes"]);
const zones = new Set<string>();
const holidays: Record<string, Country> = {};
for (const [code, country] of Object.entries(source.holidays)) {
  const days: Record<string, Day> = {};
  for (const [rule, day] of Object.entries({ ...referencedDays(country), ...country.days })) {
    // `false` removes a referenced rule; other types are never imported.
    if (day === false || (day.type ?? "public") !== "public") continue;
    if (day._name) usedNames.add(day._name);
    const zone = / in ([A-Za-z_]+\/[A-Za-z_/+-]+)/.exec(rule)?.[1];
    if (zone) zones.add(zone);
    days[rule] = day.name ? { ...day, name: keepNames(day.name) } : day;
  }
  const { langs, zones: countryZones, dayoff } = country;
  holidays[code] = { names: keepNames(country.names), langs, zones: countryZones, dayoff, days };
}

// Corrections to upstream names, until they are fixed there: 27 Rajab is Isra Mikraj, not the
// Prophet's birthday (12 Rabi al-awwal), in date-holidays 3.37.0's Indonesian; 1 January is
// "Tahun Baru Masehi" on Indonesian calendars (upstream's "Hari tahun baru" reads translated).
const NAME_FIXES: Record<string, Names> = {
  "27 Rajab": { id: "Isra Mikraj Nabi Muhammad" },
  "01-01": { id: "Tahun Baru Masehi" },
};

const names = Object.fromEntries(
  [...usedNames]
    .filter((key) => source.names[key])
    .map((key) => [
      key,
      { ...source.names[key], name: keepNames({ ...source.names[key]?.name, ...NAME_FIXES[key] }) },
    ]),
);

// Packed zone lines start with the zone's name; links are "target|alias".
const zoneName = (line: string) => line.slice(0, line.indexOf("|"));
const links = zonePack.links.filter((link) => zones.has(link.split("|")[1] ?? ""));
for (const link of links) zones.add(zoneName(link));
const packedZones = zonePack.zones.filter((line) => zones.has(zoneName(line)));

const version = readJson<{ version: string }>(dataPackage).version;
const out = fileURLToPath(new URL("../src/features/meetings/holiday-rules.json", import.meta.url));
const generated = {
  source: `date-holidays@${version}`,
  version: source.version,
  license: source.license,
  zones: { version: zonePack.version, zones: packedZones, links },
  holidays,
  names,
};
writeFileSync(out, `${JSON.stringify(generated, null, 2)}\n`);
execFileSync("npx", ["biome", "format", "--write", out], { stdio: "inherit" });
console.log(
  `${out}: ${Object.keys(holidays).length} countries from date-holidays@${version}, zones ${[...zones].join(", ")}`,
);
