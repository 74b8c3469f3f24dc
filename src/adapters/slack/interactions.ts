import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { handleInteraction } from "../../core/actions/handle.ts";
import type { FormValues } from "../../core/actions/types.ts";
import type { Form } from "../../core/message.ts";
import { withinDeadline } from "../deadline.ts";
import { SLACK_SYNTAX } from "./command-roots.ts";
import { createSlackLookups } from "./directory.ts";
import { renderSlackMessage, renderSlackReply } from "./render.ts";
import { renderSlackModal } from "./render-form.ts";
import type { SlackRequestContext } from "./request-context.ts";
import { SLACK_TRAITS } from "./traits.ts";

const SYNTAX = SLACK_SYNTAX;

/** Buttons (`block_actions`) and modal submissions (`view_submission`) go to core's one handler. */
export function registerInteractions(bolt: App): void {
  bolt.action(/.*/, onAction);
  bolt.view(/.*/, onView);
}

/** Opens a form as a modal on a trigger_id; false when Slack refused (the trigger expired, say). */
export async function openModal(client: WebClient, triggerId: string, form: Form): Promise<boolean> {
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: renderSlackModal(form, form.closeLabel ?? "Cancel") as never,
    });
    return true;
  } catch (error) {
    console.error("views.open failed", error);
    return false;
  }
}

function authority(client: WebClient, userId: string) {
  return () => ({
    kind: "lookup" as const,
    lookup: async () => {
      const answer = await client.users.info({ user: userId });
      return Boolean(answer.user?.is_admin || answer.user?.is_owner);
    },
  });
}

async function onAction({
  ack,
  body,
  action,
  respond,
  client,
  context,
}: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) {
  // Acknowledge at once: the answer goes through response_url or views.open.
  await ack();
  const request = context.guyub as SlackRequestContext;
  const packed = "action_id" in action ? action.action_id : "";
  const team = body.team?.id ?? body.user.team_id ?? null;
  const response = await handleInteraction(request.core, {
    traits: SLACK_TRAITS,
    userId: body.user.id,
    workspaceId: team,
    kind: "button",
    packed,
    ingressKey: `slack:${team ?? "?"}:trigger:${body.trigger_id}`,
    fallbackLocale: "en",
    syntax: SYNTAX,
    authority: authority(client, body.user.id),
    directory: createSlackLookups(client),
  });
  switch (response.kind) {
    case "form":
      if (!(await openModal(client, body.trigger_id, response.form)))
        await respond({ ...renderSlackReply(response.fallback), replace_original: false });
      return;
    case "update":
      await respond({ ...renderSlackMessage(response.message), replace_original: true });
      if (response.reply) await respond({ ...renderSlackReply(response.reply), replace_original: false });
      return;
    case "reply":
    case "errors":
      await respond({ ...renderSlackReply(response.message), replace_original: false });
      return;
  }
}

async function onView({
  ack,
  body,
  view,
  client,
  context,
}: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) {
  const request = context.guyub as SlackRequestContext;
  const team = body.team?.id ?? body.user.team_id ?? null;
  const work = handleInteraction(request.core, {
    traits: SLACK_TRAITS,
    userId: body.user.id,
    workspaceId: team,
    kind: "form",
    packed: view.callback_id,
    values: viewValues(view.state.values),
    ingressKey: `slack:${team ?? "?"}:view:${view.id}:${body.trigger_id}`,
    fallbackLocale: "en",
    syntax: SYNTAX,
    authority: authority(client, body.user.id),
    directory: createSlackLookups(client),
  });
  // A modal submission must be answered within 3 s or Slack shows an error in the modal.
  const early = await withinDeadline(work, request.replyDeadlineMs);
  if (!early.done) {
    await ack();
    return;
  }
  const response = early.value;
  switch (response.kind) {
    case "errors":
      await ack({ response_action: "errors", errors: { ...response.errors } });
      return;
    case "form":
      await ack({
        response_action: "update",
        view: renderSlackModal(response.form, response.form.closeLabel ?? "Cancel") as never,
      });
      return;
    default: {
      const message = response.kind === "update" ? (response.reply ?? response.message) : response.message;
      await ack({
        response_action: "update",
        view: {
          type: "modal",
          title: view.title,
          close: view.close ?? { type: "plain_text", text: "OK" },
          blocks: renderSlackMessage(message).blocks,
        } as never,
      });
    }
  }
}

/** Block Kit state to neutral values: text inputs as strings, selects as arrays of values. */
export function viewValues(state: Record<string, Record<string, unknown>>): FormValues {
  const values: Record<string, string | string[]> = {};
  for (const [blockId, actions] of Object.entries(state)) {
    for (const element of Object.values(actions)) {
      const e = element as {
        type?: string;
        value?: string | null;
        selected_option?: { value: string } | null;
        selected_options?: { value: string }[];
        selected_conversation?: string | null;
        selected_users?: string[];
      };
      if (e.type === "multi_static_select") values[blockId] = (e.selected_options ?? []).map((o) => o.value);
      else if (e.type === "static_select")
        values[blockId] = e.selected_option ? [e.selected_option.value] : [];
      else if (e.type === "multi_users_select") values[blockId] = [...(e.selected_users ?? [])];
      else if (e.type === "conversations_select")
        values[blockId] = e.selected_conversation ? [e.selected_conversation] : [];
      else values[blockId] = e.value ?? "";
    }
  }
  return values;
}
