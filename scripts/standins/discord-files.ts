/**
 * Discord's file uploads (docs "Uploading Files"): a multipart/form-data request with the JSON
 * body in `payload_json` and each file in a `files[n]` part; the body's `attachments` array names
 * them by `id` n. The stand-in reads the parts, refuses an attachment naming no part and files
 * above the bots' default upload limit (10 MiB; 8 MiB before 2024, 25 MiB for boosted servers),
 * and puts the files on the created message.
 */
import type { StandinState } from "./state.ts";

type Obj = Record<string, unknown>;

/** One `files[n]` part as the stand-in keeps it (the text, so tests can read what was sent). */
export interface UploadedFile {
  readonly index: number;
  readonly filename: string;
  readonly size: number;
  readonly contentType: string;
  readonly text: string;
}

/** The body key the parsed parts ride on to the route's handler (never sent by a client). */
export const UPLOADED = "__uploaded_files";

/** Discord's default upload limit per file for bots. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** `payload_json` with the `files[n]` parts attached under `UPLOADED`. */
export async function readMultipart(form: FormData): Promise<Obj> {
  const payload = JSON.parse(String(form.get("payload_json") ?? "{}")) as Obj;
  const files: UploadedFile[] = [];
  const parts: [string, File | string][] = [];
  form.forEach((value, key) => {
    parts.push([key, value]);
  });
  for (const [key, value] of parts) {
    const match = /^files\[(\d+)\]$/.exec(key);
    if (!match || typeof value === "string") continue;
    files.push({
      index: Number(match[1]),
      filename: value.name,
      size: value.size,
      contentType: value.type || "application/octet-stream",
      text: await value.text(),
    });
  }
  return files.length > 0 ? { ...payload, [UPLOADED]: files } : payload;
}

/**
 * The message's attachments as Discord returns them, or the error Discord gives: 40005 for a
 * file too large, a form error for an `attachments` entry whose id names no uploaded part.
 */
export function attachmentsOf(
  state: StandinState,
  body: Obj,
): { attachments: Obj[] } | { error: [number, unknown] } {
  const files = (body[UPLOADED] as UploadedFile[] | undefined) ?? [];
  if (files.some((f) => f.size > MAX_FILE_BYTES))
    return { error: [413, { message: "Request entity too large", code: 40005 }] };
  const declared = Array.isArray(body.attachments) ? (body.attachments as Obj[]) : [];
  for (const [i, a] of declared.entries()) {
    if (!files.some((f) => String(f.index) === String(a.id)))
      return {
        error: [
          400,
          {
            code: 50035,
            message: "Invalid Form Body",
            errors: {
              attachments: {
                [i]: { _errors: [{ code: "ATTACHMENT_NOT_FOUND", message: "Unknown attachment." }] },
              },
            },
          },
        ],
      };
  }
  return {
    attachments: files.map((f) => {
      const id = state.snowflake();
      const named = declared.find((a) => String(a.id) === String(f.index));
      const filename = typeof named?.filename === "string" ? named.filename : f.filename;
      return {
        id,
        filename,
        size: f.size,
        content_type: f.contentType,
        url: `https://cdn.discordapp.com/attachments/0/${id}/${filename}`,
      };
    }),
  };
}
