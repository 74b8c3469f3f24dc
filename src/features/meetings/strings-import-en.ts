/** English strings of `/copmod holiday import` (spread into the catalog, en.ts). */
export const holidayImportEn = {
  "cmd.holiday.import": "Add a country's public holidays for a year",
  "arg.country": "country",
  "arg.country.help": "Two-letter country code, e.g. ID, DE",
  "arg.year": "year",
  "arg.year.help": "e.g. 2027",
  "holiday.badCountry":
    "“{value}” is not a country I have holidays for: use a two-letter code such as ID, MY or DE. Nothing was changed.",
  "holiday.badYear":
    "“{value}” is not a year I can import: use one from {from} to {to}. Nothing was changed.",
  "holiday.importedTitle": "Public holidays of {country}, {year}",
  "holiday.imported": "Added {count}: {holidays}.",
  "holiday.importedMore": "…and {count} more: {usage} lists them all.",
  "holiday.importKept": "{count} fell on days that already have a holiday, which stay as they are.",
  "holiday.importNothing": "Nothing new: they are all on the calendar already. Nothing was changed.",
  "holiday.importNone": "I found no public holidays of {country} for {year}. Nothing was changed.",
  "holiday.importIndonesia":
    "Indonesia's official list is set each year by joint ministerial decree (SKB): some holidays may be missing or a day off (Islamic holidays follow the decree), and cuti bersama are not included. Paste the decree's dates with {usage}.",
} as const;
