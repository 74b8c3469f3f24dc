import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../src/adapters/discord/render.ts";
import { renderDiscordModal } from "../src/adapters/discord/render-form.ts";
import { renderSlackMessage } from "../src/adapters/slack/render.ts";
import { renderSlackModal } from "../src/adapters/slack/render-form.ts";
import type { Form, Message } from "../src/core/message.ts";

const message: Message = {
  visibility: "public",
  blocks: [
    { type: "heading", text: "Pertemuan berikutnya" },
    { type: "text", text: ["Terima kasih untuk ", { user: "U1" }, " — ", { bold: "<!here> *rubrik*" }] },
    {
      type: "fields",
      fields: Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: "@everyone" })),
    },
    { type: "actions", buttons: [{ actionId: "rsvp.yes", label: "Hadir", value: "m1", style: "primary" }] },
    { type: "context", text: "line one\nline two" },
  ],
};

const form: Form = {
  id: "intro",
  title: "Perkenalkan diri Anda di komunitas praktik ini",
  submitLabel: "Kirim",
  fields: [
    {
      kind: "text",
      id: "knows",
      label: "Apa yang Anda kuasai?",
      multiline: true,
      required: true,
      maxLength: 500,
    },
    {
      kind: "select",
      id: "benefits",
      label: "Manfaat yang Anda harapkan",
      multiple: true,
      options: [
        { value: "career", label: "Memajukan karier dan organisasi saya" },
        { value: "supported", label: "Merasa didukung" },
      ],
    },
  ],
};

describe("Slack rendering", () => {
  it("renders Block Kit, escapes member text and splits fields into sections of 10", () => {
    const out = renderSlackMessage(message);
    const json = JSON.stringify(out.blocks);
    expect(out.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Pertemuan berikutnya" },
    });
    expect(json).toContain("<@U1>");
    expect(json).toContain("*&lt;!here&gt; *rubrik**");
    expect(json).not.toContain("<!here>");
    const sections = out.blocks.filter((b) => (b as { fields?: unknown[] }).fields);
    expect(sections.map((s) => (s as { fields: unknown[] }).fields.length)).toEqual([10, 2]);
    expect(out.blocks).toContainEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: "rsvp.yes:m1",
          text: { type: "plain_text", text: "Hadir" },
          value: "m1",
          style: "primary",
        },
      ],
    });
  });

  it("shows a role as bold text, never a user-group mention that pings the whole group", () => {
    const out = renderSlackMessage({
      visibility: "ephemeral",
      blocks: [{ type: "text", text: ["Everyone with the role ", { role: "S0<!here>" }, " moderates."] }],
    });
    const json = JSON.stringify(out);
    expect(out.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "Everyone with the role *S0&lt;!here&gt;* moderates." },
    });
    expect(json).not.toContain("subteam");
    expect(json).not.toContain("<!");
  });

  it("renders a form as a modal view with input blocks", () => {
    const view = renderSlackModal(form, "Batal");
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks[0]).toMatchObject({
      type: "input",
      block_id: "knows",
      optional: false,
      element: { type: "plain_text_input", action_id: "knows", multiline: true, max_length: 500 },
    });
    expect(view.blocks[1]).toMatchObject({ optional: true, element: { type: "multi_static_select" } });
  });
});

describe("Discord rendering", () => {
  it("renders content with mentions limited to the users meant", () => {
    const out = renderDiscordMessage(message);
    expect(out.content).toContain("### Pertemuan berikutnya");
    expect(out.content).toContain("<@U1>");
    expect(out.content).toContain("-# line two");
    expect(out.allowed_mentions).toEqual({ parse: [], users: ["U1"], roles: [] });
    expect(out.flags).toBeUndefined();
    expect(out.components).toEqual([
      { type: 1, components: [{ type: 2, style: 1, label: "Hadir", custom_id: "rsvp.yes:m1" }] },
    ]);
  });

  it("renders a form as a modal with Label components", () => {
    const modal = renderDiscordModal(form);
    expect(modal.type).toBe(9);
    expect(modal.data.title.length).toBeLessThanOrEqual(45);
    expect(modal.data.components[0]).toMatchObject({
      type: 18,
      component: { type: 4, style: 2, required: true },
    });
    expect(modal.data.components[1]).toMatchObject({
      type: 18,
      component: { type: 3, max_values: 2, min_values: 0 },
    });
  });

  it("refuses a form Discord could not show", () => {
    const big: Form = {
      ...form,
      fields: Array.from({ length: 6 }, (_, i) => ({ kind: "text", id: `f${i}`, label: "x" })),
    };
    expect(() => renderDiscordModal(big)).toThrow(/Discord allows 5/);
  });
});

describe("form selects keep earlier answers", () => {
  const form = {
    id: "f:1",
    title: "Form",
    submitLabel: "Save",
    fields: [
      {
        kind: "select" as const,
        id: "one",
        label: "One",
        options: [
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ],
        initial: ["b"],
      },
      {
        kind: "select" as const,
        id: "many",
        label: "Many",
        multiple: true,
        options: [
          { value: "x", label: "X" },
          { value: "y", label: "Y" },
        ],
        initial: ["x", "y", "gone"],
      },
    ],
  };

  it("Slack: initial_option and initial_options, only for options that exist", () => {
    const view = renderSlackModal(form, "Cancel");
    expect(view.blocks[0]?.element).toMatchObject({ initial_option: { value: "b" } });
    const many = view.blocks[1]?.element as { initial_options?: { value: string }[] } | undefined;
    expect(many?.initial_options?.map((o) => o.value)).toEqual(["x", "y"]);
  });

  it("Discord: the chosen options are marked default", () => {
    const modal = renderDiscordModal(form);
    const options = modal.data.components.map(
      (c) => (c.component as { options: { value: string; default?: boolean }[] }).options,
    );
    expect(options[0]?.filter((o) => o.default).map((o) => o.value)).toEqual(["b"]);
    expect(options[1]?.filter((o) => o.default).map((o) => o.value)).toEqual(["x", "y"]);
  });
});

describe("a people picker (UserSelect)", () => {
  const people = Array.from({ length: 30 }, (_, i) => `U${String(i).padStart(3, "0")}`);
  const form: Form = {
    id: "f:2",
    title: "Who came",
    submitLabel: "Save",
    fields: [{ kind: "users", id: "came", label: "Who attended", max: 25, initial: people, hint: "More?" }],
  };

  it("Slack: a multi_users_select with initial_users, never more than it may hold", () => {
    const block = renderSlackModal(form, "Cancel").blocks[0] as Record<string, unknown>;
    expect(block.hint).toEqual({ type: "plain_text", text: "More?" });
    expect(block.element).toMatchObject({
      type: "multi_users_select",
      action_id: "came",
      max_selected_items: 25,
    });
    expect((block.element as { initial_users: string[] }).initial_users).toEqual(people.slice(0, 25));
  });

  it("Discord: a user select (type 5) in a Label, default_values within max_values 25", () => {
    const label = renderDiscordModal(form).data.components[0] as Record<string, unknown>;
    expect(label).toMatchObject({ type: 18, description: "More?" });
    const select = label.component as { type: number; max_values: number; default_values: unknown[] };
    expect(select).toMatchObject({ type: 5, custom_id: "came", min_values: 0, max_values: 25 });
    expect(select.default_values).toHaveLength(25);
    expect(select.default_values[0]).toEqual({ id: "U000", type: "user" });
  });

  it("no pre-filled people: no initial_users, no default_values (both platforms refuse an empty list)", () => {
    const bare: Form = { ...form, fields: [{ kind: "users", id: "came", label: "Who", max: 25 }] };
    expect(renderSlackModal(bare, "Cancel").blocks[0]?.element).not.toHaveProperty("initial_users");
    expect(renderDiscordModal(bare).data.components[0]?.component).not.toHaveProperty("default_values");
  });
});
