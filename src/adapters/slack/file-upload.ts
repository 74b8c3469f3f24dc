import type { WebClient } from "@slack/web-api";
import type { SendOutcome } from "../../core/delivery.ts";
import type { MessageFile } from "../../core/message.ts";

/**
 * Shares a file in a channel with Slack's external upload (`files.upload` is retired):
 * `files.getUploadURLExternal` (filename and byte length) → POST the bytes to its `upload_url` →
 * `files.completeUploadExternal` with the file id and title, `channel_id` and the message text as
 * `initial_comment` (Slack ignores `blocks` when it is set, so plain text it is). One send, one
 * share: an attempt that fails before completing leaves an unshared upload Slack discards, and
 * the retry starts again with a new id, so a member never receives the file twice.
 */
export async function shareFile(
  client: WebClient,
  channel: string,
  text: string,
  file: MessageFile,
  timeoutMs: number,
): Promise<SendOutcome> {
  const bytes = new TextEncoder().encode(file.content);
  const target = await client.files.getUploadURLExternal({ filename: file.name, length: bytes.length });
  if (!target.upload_url || !target.file_id)
    return { kind: "transient", reason: "files.getUploadURLExternal returned no upload_url" };
  let uploaded: Response;
  try {
    uploaded = await fetch(target.upload_url, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: "transient", reason: `upload ${String(error)}`.slice(0, 200) };
  }
  await uploaded.body?.cancel();
  if (!uploaded.ok) {
    const reason = `upload ${uploaded.status}`;
    return uploaded.status >= 500 ? { kind: "transient", reason } : { kind: "rejected", reason };
  }
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: file.title }],
    channel_id: channel,
    initial_comment: text,
  });
  return { kind: "sent", messageId: target.file_id, channelId: channel };
}
