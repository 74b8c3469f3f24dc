/**
 * Validation of application-command registrations the way Discord answers them: a nested
 * `errors` object of `{_errors: [{code, message}]}` keyed by the path of each bad field.
 */

export type FormErrors = { [key: string]: FormErrors | { code: string; message: string }[] };
type Obj = Record<string, unknown>;
type Path = (string | number)[];
type Problem = readonly [code: string, message: string];

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const LOCALES = new Set(
  "id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el bg ru uk hi th zh-CN ja zh-TW ko".split(
    " ",
  ),
);
const SUB = 1;
const GROUP = 2;

const LIST: Problem = ["LIST_TYPE_CONVERT", "Only iterables may be used in a ListType."];
const DICT: Problem = ["MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType."];
const REQUIRED: Problem = ["BASE_TYPE_REQUIRED", "This field is required"];
const BAD_NAME: Problem = ["APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"];
const BAD_TEXT: Problem = ["BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."];
const MAX = (n: number): Problem => ["BASE_TYPE_MAX_LENGTH", `Must be ${n} or fewer in length.`];
const NESTING: Problem = [
  "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
  "Sub-command and sub-command group option types are mutually exclusive to all other types",
];
const ORDER: Problem = [
  "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
  "Required options must be placed before non-required options",
];

/** Collects problems into Discord's nested error shape. */
class Collector {
  readonly errors: FormErrors = {};
  add(path: Path, [code, message]: Problem): void {
    let node = this.errors;
    for (const key of path) {
      node[String(key)] ??= {};
      node = node[String(key)] as FormErrors;
    }
    node._errors ??= [];
    (node._errors as { code: string; message: string }[]).push({ code, message });
  }
}

/** Returns Discord's `errors` object for an invalid bulk-overwrite body, or undefined when valid. */
export function validateCommands(body: unknown): FormErrors | undefined {
  const c = new Collector();
  if (!Array.isArray(body)) c.add([], LIST);
  else if (body.length > 100) c.add([], MAX(100));
  else {
    const seen = new Set<string>();
    for (const [i, raw] of body.entries()) {
      if (!isObj(raw)) {
        c.add([i], DICT);
        continue;
      }
      const type = raw.type ?? 1;
      if (![1, 2, 3, 4].includes(type as number)) {
        c.add([i, "type"], ["BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}."]);
        continue;
      }
      // Chat-input names are lowercase words; user/message command names may have spaces and capitals.
      const chatInput = type === 1;
      checkName(c, raw.name, [i, "name"], chatInput);
      checkLocalizations(c, raw.name_localizations, [i, "name_localizations"], chatInput ? "name" : "loose");
      if (chatInput) checkText(c, raw.description, [i, "description"]);
      else if (raw.description) c.add([i, "description"], ["BASE_TYPE_BAD_LENGTH", "Must be empty."]);
      checkLocalizations(c, raw.description_localizations, [i, "description_localizations"], "text");
      checkPermissions(c, raw.default_member_permissions, [i, "default_member_permissions"]);
      if (Array.isArray(raw.contexts) && raw.contexts.some((v) => ![0, 1, 2].includes(v as number)))
        c.add([i, "contexts"], ["BASE_TYPE_CHOICES", "Value must be one of {0, 1, 2}."]);
      if (raw.options !== undefined) {
        if (chatInput) checkOptions(c, raw.options, [i, "options"], "command");
        else
          c.add(
            [i, "options"],
            ["APPLICATION_COMMAND_OPTIONS_INVALID", "Only chat input commands take options."],
          );
      }
      const key = `${String(type)}:${String(raw.name)}`;
      if (seen.has(key))
        c.add([i, "name"], ["APPLICATION_COMMANDS_DUPLICATE_NAME", "Command names must be unique"]);
      seen.add(key);
      if (size(raw) > 8000)
        c.add([i], ["APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)"]);
    }
  }
  return Object.keys(c.errors).length ? c.errors : undefined;
}

type Level = "command" | "subcommand" | "group";

function checkOptions(c: Collector, options: unknown, path: Path, level: Level): void {
  if (!Array.isArray(options)) {
    c.add(path, LIST);
    return;
  }
  if (options.length > 25) {
    c.add(path, MAX(25));
    return;
  }
  const nested = options.some((o) => isObj(o) && (o.type === SUB || o.type === GROUP));
  const names = new Set<string>();
  let optionalSeen = false;
  for (const [j, raw] of options.entries()) {
    const at = [...path, j];
    if (!isObj(raw)) {
      c.add(at, DICT);
      continue;
    }
    const type = raw.type as number;
    if (!Number.isInteger(type) || type < 1 || type > 11) {
      c.add([...at, "type"], ["BASE_TYPE_CHOICES", "Value must be one of {1, 2, ..., 11}."]);
      continue;
    }
    const isNested = type === SUB || type === GROUP;
    // Groups hold only subcommands, subcommands hold no nesting, and a level is all nested or none.
    if ((level === "group" && type !== SUB) || (level === "subcommand" && isNested) || nested !== isNested)
      c.add([...at, "type"], NESTING);
    checkName(c, raw.name, [...at, "name"], true);
    if (names.has(String(raw.name)))
      c.add([...at, "name"], ["APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME", "Option names must be unique"]);
    names.add(String(raw.name));
    checkText(c, raw.description, [...at, "description"]);
    checkLocalizations(c, raw.name_localizations, [...at, "name_localizations"], "name");
    checkLocalizations(c, raw.description_localizations, [...at, "description_localizations"], "text");
    if (isNested) {
      if (raw.options !== undefined)
        checkOptions(c, raw.options, [...at, "options"], type === GROUP ? "group" : "subcommand");
      continue;
    }
    if (raw.required === true && optionalSeen) c.add([...at, "required"], ORDER);
    if (raw.required !== true) optionalSeen = true;
    if (raw.choices !== undefined) checkChoices(c, raw.choices, type, [...at, "choices"]);
  }
}

function checkChoices(c: Collector, choices: unknown, type: number, path: Path): void {
  if (![3, 4, 10].includes(type)) {
    c.add(path, ["APPLICATION_COMMAND_OPTION_CHOICES_INVALID", "Only string and number options."]);
    return;
  }
  if (!Array.isArray(choices)) {
    c.add(path, LIST);
    return;
  }
  if (choices.length > 25) {
    c.add(path, MAX(25));
    return;
  }
  for (const [k, choice] of choices.entries()) {
    if (!isObj(choice)) {
      c.add([...path, k], DICT);
      continue;
    }
    checkText(c, choice.name, [...path, k, "name"]);
    checkLocalizations(c, choice.name_localizations, [...path, k, "name_localizations"], "text");
    const v = choice.value;
    const ok =
      type === 3
        ? typeof v === "string" && v.length <= 100
        : type === 4
          ? Number.isInteger(v)
          : typeof v === "number";
    if (!ok)
      c.add([...path, k, "value"], ["BASE_TYPE_BAD_TYPE", "Choice value does not match the option type."]);
  }
}

/**
 * `default_member_permissions`: a permission bit set written as a string of digits ("32" is
 * Manage Server; "0" hides the command from all but admins), or null for everyone. The API
 * documents it as a string, so a number is refused here too.
 */
function checkPermissions(c: Collector, value: unknown, path: Path): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string") {
    c.add(path, ["BASE_TYPE_BAD_TYPE", "Must be a string (a permission bit set)."]);
    return;
  }
  if (!/^\d{1,20}$/.test(value) || BigInt(value) >= 1n << 64n)
    c.add(path, ["NUMBER_TYPE_COERCE", `Value "${value}" is not a valid permission bit set.`]);
}

function checkName(c: Collector, name: unknown, path: Path, strict: boolean): void {
  if (typeof name !== "string") {
    c.add(path, REQUIRED);
    return;
  }
  const ok = strict ? NAME.test(name) && name === name.toLowerCase() : name.length >= 1 && name.length <= 32;
  if (!ok) c.add(path, BAD_NAME);
}

function checkText(c: Collector, text: unknown, path: Path): void {
  if (typeof text !== "string") {
    c.add(path, REQUIRED);
    return;
  }
  if (text.length < 1 || text.length > 100) c.add(path, BAD_TEXT);
}

function checkLocalizations(c: Collector, value: unknown, path: Path, kind: "name" | "loose" | "text"): void {
  if (value === undefined || value === null) return;
  if (!isObj(value)) {
    c.add(path, ["DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType."]);
    return;
  }
  for (const [locale, text] of Object.entries(value)) {
    if (!LOCALES.has(locale))
      c.add([...path, locale], ["BASE_TYPE_CHOICES", `"${locale}" is not a valid locale.`]);
    else if (kind === "text") checkText(c, text, [...path, locale]);
    else checkName(c, text, [...path, locale], kind === "name");
  }
}

/**
 * Discord's 8,000-character budget (docs/platform-facts.md): names, descriptions and choice
 * names/values, each at its longest localization, recursively.
 */
function size(node: Obj): number {
  let total =
    longest(node.name, node.name_localizations) + longest(node.description, node.description_localizations);
  if (node.value !== undefined) total += String(node.value).length;
  for (const child of [node.options, node.choices])
    if (Array.isArray(child)) for (const item of child) if (isObj(item)) total += size(item);
  return total;
}

/** A text's length, or its longest localization's. */
function longest(base: unknown, localized: unknown): number {
  let n = String(base ?? "").length;
  if (isObj(localized)) for (const text of Object.values(localized)) n = Math.max(n, String(text).length);
  return n;
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
