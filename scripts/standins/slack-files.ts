/**
 * Slack's external file upload, as the stand-in answers it (docs: files.getUploadURLExternal,
 * files.completeUploadExternal): a URL and file id for a declared name and length, the bytes
 * POSTed to that URL (raw or multipart), then completion, which shares the file in `channel_id`
 * (or keeps it private without one). Unknown or unuploaded ids, and a second completion, are refused.
 */
import { APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID } from "./slack-data.ts";
import type { Args, Ctx, Result } from "./slack-methods.ts";
import { remember, type StandinState } from "./state.ts";

/** One upload, from its URL to its completion. */
export interface SlackUpload {
  readonly filename: string;
  readonly length: number;
  bytes?: Uint8Array;
  completed?: { readonly channel: string | null; readonly title: string };
}

/** Slack refuses uploads above 1 GB. */
const MAX_BYTES = 1024 * 1024 * 1024;

export const FILE_METHODS: Record<string, (args: Args, ctx: Ctx) => Result> = {
  "files.getUploadURLExternal": (args, { state, mount }) => {
    const filename = typeof args.filename === "string" ? args.filename : "";
    const length = Number(args.length);
    if (!filename || args.length === undefined) return { ok: false, error: "invalid_arguments" };
    // Slack: "missing_argument … typically only occurs when the `length` provided is 0".
    if (!Number.isInteger(length) || length <= 0) return { ok: false, error: "missing_argument" };
    if (length > MAX_BYTES) return { ok: false, error: "file_upload_size_restricted" };
    const fileId = `F${state.slackTs().replace(".", "")}`;
    remember(state.slackUploads, fileId, { filename, length });
    return { ok: true, upload_url: `${mount}/upload/${fileId}`, file_id: fileId };
  },

  "files.completeUploadExternal": (args, { state, token }) => {
    let files: { id?: unknown; title?: unknown }[];
    try {
      const raw = typeof args.files === "string" ? JSON.parse(args.files) : args.files;
      if (!Array.isArray(raw) || raw.length === 0) return { ok: false, error: "invalid_arguments" };
      files = raw as { id?: unknown; title?: unknown }[];
    } catch {
      return { ok: false, error: "invalid_arguments" };
    }
    const uploads = files.map((f) => state.slackUploads.get(String(f.id ?? "")));
    if (uploads.some((u) => !u?.bytes || u.completed)) return { ok: false, error: "file_not_found" };
    const channel = typeof args.channel_id === "string" && args.channel_id ? args.channel_id : null;
    const shared = files.map((f, i) => {
      const upload = uploads[i] as SlackUpload;
      const title = typeof f.title === "string" && f.title ? f.title : upload.filename;
      upload.completed = { channel, title };
      return { id: String(f.id), name: upload.filename, title, size: upload.length };
    });
    if (channel) {
      // The share appears in the channel as a message of the bot carrying the files.
      const ts = state.slackTs();
      const text = typeof args.initial_comment === "string" ? args.initial_comment : "";
      const message = {
        type: "message",
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        app_id: APP_ID,
        team: TEAM_ID,
        ts,
        text,
        files: shared,
      };
      remember(state.slackMessages, `${channel} ${ts}`, { channel, ts, token, message });
    }
    return { ok: true, files: shared };
  },
};

/** The upload URL: Slack answers 200 "OK - <length>" once the bytes arrived. */
export async function receiveUpload(
  state: StandinState,
  fileId: string,
  req: Request,
): Promise<[number, string]> {
  const upload = state.slackUploads.get(fileId);
  if (!upload || upload.completed) return [404, "Not Found"];
  const type = req.headers.get("content-type") ?? "";
  let bytes: Uint8Array;
  if (type.includes("multipart/form-data")) {
    const form = await req.formData();
    const file = form.get("file") ?? form.get("filename");
    if (!file || typeof file === "string") return [400, "Bad Request"];
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    bytes = new Uint8Array(await req.arrayBuffer());
  }
  if (bytes.length !== upload.length) return [400, "Bad Request - length does not match"];
  upload.bytes = bytes;
  state.record(
    "slack",
    "upload",
    `/upload/${fileId}`,
    { fileId, text: new TextDecoder().decode(bytes) },
    "ok",
  );
  return [200, `OK - ${bytes.length}`];
}
