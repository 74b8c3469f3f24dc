/** Every form Slack sends with "escape channels, users and links" on, and what it means. */
export const SLACK_FORMS: Record<"user" | "channel" | "link", readonly (readonly [string, string])[]> = {
  user: [
    ["<@U0123>", "U0123"],
    ["<@U0123|ayu>", "U0123"],
  ],
  channel: [
    ["<#C0123|general>", "C0123"],
    ["<#C0123|>", "C0123"],
  ],
  link: [
    ["<https://meet.example/cop>", "https://meet.example/cop"],
    ["<https://meet.example/cop|meet.example/cop>", "https://meet.example/cop"],
    ["<http://meet.example|meet.example>", "http://meet.example"],
    ["<https://meet.example/cop?a=1&amp;b=2>", "https://meet.example/cop?a=1&b=2"],
  ],
};
