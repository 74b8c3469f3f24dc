import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { translator } from "../../core/i18n/index.ts";
import type { HealthView, TokenKeysView } from "./health-view.ts";

/** The rows the page names when a key is missing; the rest are counted. */
const MISSING_SHOWN = 50;

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

// Small, readable on a phone, no script, no external request. Status is said in words, not only
// by colour. The verdicts come before the long settings table.
const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin:1.6rem 0 .4rem}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.05rem .5rem;border-radius:1rem;margin-left:.5rem;vertical-align:middle}
.ok{background:#dff3e4;color:#11502a}.bad{background:#fde2e1;color:#7a1a14}
.buttons{display:flex;flex-wrap:wrap;gap:.75rem}
.button{display:inline-block;padding:.6rem 1.1rem;border-radius:.4rem;color:#fff;text-decoration:none;font-weight:600}
.slack{background:#4a154b}.discord{background:#4752c4}.telegram{background:#1c6fa3}
.button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ddd;vertical-align:top}
td.name{font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere}td.state{white-space:nowrap}
.small{color:#555;font-size:.9rem}
`;

/** The health page's HTML: every value escaped by hono's `html`, every string from the catalogs. */
export function renderHealthPage(view: HealthView): Html {
  const t = translator(view.locale);
  const intl = view.locale === "id" ? "id-ID" : "en-GB";
  const at = (d: Date) =>
    `${new Intl.DateTimeFormat(intl, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d)} UTC`;
  const ago = (d: Date) => relative(intl, view.now, d);
  const badge = (ok: boolean) =>
    html`<span class="badge ${ok ? "ok" : "bad"}">${ok ? t("health.ok") : t("health.attention")}</span>`;
  const { install, schema, tick } = view;

  const installPart = html`<section aria-labelledby="install">
    <h2 id="install">${t("health.install.title")}</h2>
    ${
      install.slack || install.discord || install.telegram
        ? html`<p class="buttons">
            ${install.slack ? html`<a class="button slack" href="${install.slack}">${t("health.install.slack")}</a>` : ""}
            ${install.discord ? html`<a class="button discord" href="${install.discord}">${t("health.install.discord")}</a>` : ""}
            ${install.telegram ? html`<a class="button telegram" href="${install.telegram}">${t("health.install.telegram")}</a>` : ""}
          </p>
          ${install.discord ? html`<p class="small">${t("health.install.discordNote")}</p>` : ""}
          ${install.telegram ? html`<p class="small">${t("health.install.telegramNote")}</p>` : ""}`
        : html`<p>${t("health.install.none")}</p>`
    }
  </section>`;

  const communitiesPart = html`<section aria-labelledby="communities">
    <h2 id="communities">${t("health.communities.title")}</h2>
    ${
      view.communities === null
        ? html`<p>${t("health.unreadable")}</p>`
        : view.communities.length === 0
          ? html`<p>${t("health.communities.none")}</p>`
          : html`<ul>${view.communities.map(
              (c) =>
                html`<li>${t("health.communities.line", { platform: platformName(c.platform), count: String(c.count) })}</li>`,
            )}</ul>`
    }
  </section>`;

  const settingsPart = html`<section aria-labelledby="settings">
    <h2 id="settings">${t("health.secrets.title")}</h2>
    <p class="small">${t("health.secrets.intro")}</p>
    <table>
      <thead><tr><th scope="col">${t("health.secrets.name")}</th><th scope="col">${t("health.secrets.state")}</th><th scope="col">${t("health.secrets.purpose")}</th></tr></thead>
      <tbody>${view.settings.map(
        (s) =>
          html`<tr><td class="name">${s.name}</td><td class="state">${s.set ? t("health.secrets.set") : t("health.secrets.unset")}</td><td>${t(`health.secret.${s.name}`)}</td></tr>`,
      )}</tbody>
    </table>
  </section>`;

  const schemaText =
    schema.state === "current"
      ? t("health.schema.current", { newest: schema.newest })
      : schema.state === "behind"
        ? t("health.schema.behind", {
            count: String(schema.missing.length),
            names: schema.missing.join(", "),
          })
        : schema.state === "ahead"
          ? t("health.schema.ahead", { applied: schema.applied, newest: schema.newest })
          : t("health.schema.unknown");
  const schemaPart = html`<section aria-labelledby="schema">
    <h2 id="schema">${t("health.schema.title")} ${badge(schema.state === "current")}</h2>
    <p>${schemaText}</p>
  </section>`;

  const cronPart = html`<section aria-labelledby="cron">
    <h2 id="cron">${t("health.cron.title")} ${badge(tick.state === "ok" && !tick.late)}</h2>
    ${
      tick.state === "none" || tick.at === undefined
        ? html`<p>${t("health.cron.none")}</p>`
        : html`<p>${
            tick.state === "ok"
              ? t("health.cron.ok", { at: at(tick.at), ago: ago(tick.at) })
              : t("health.cron.failed", { at: at(tick.at), ago: ago(tick.at), parts: tick.failed.join(", ") })
          }</p>${tick.late ? html`<p>${t("health.cron.late")}</p>` : ""}`
    }
  </section>`;

  const queues = view.queues;
  const queuesPart = html`<section aria-labelledby="queues">
    <h2 id="queues">${t("health.queues.title")} ${badge(queues?.every((q) => q.state.state === "back") ?? false)}</h2>
    <p class="small">${t("health.queues.intro")}</p>
    ${
      queues === null
        ? html`<p>${t("health.unreadable")}</p>`
        : html`<ul>${queues.map(({ name, state }) => {
            const text =
              state.state === "back"
                ? t("health.queues.back", { ms: String(state.roundTripMs), ago: ago(state.backAt) })
                : state.state === "none"
                  ? t("health.queues.none")
                  : t(state.state === "lost" ? "health.queues.lost" : "health.queues.waiting", {
                      ago: ago(state.sentAt),
                    });
            return html`<li><span class="name">${name}</span>: ${text}</li>`;
          })}</ul>`
    }
  </section>`;

  const tokens = view.tokens;
  const tokensPart = html`<section aria-labelledby="tokens">
    <h2 id="tokens">${t("health.tokens.title")} ${badge(tokens !== null && tokens.ring === "ok" && tokens.missing.length === 0)}</h2>
    <p class="small">${t("health.tokens.intro")}</p>
    ${tokens === null ? html`<p>${t("health.unreadable")}</p>` : tokensText(tokens)}
  </section>`;

  function tokensText(tokens: TokenKeysView): Html {
    if (tokens.ring !== "ok")
      return html`<p>${
        tokens.ring === "unset"
          ? t("health.tokens.unset")
          : t("health.tokens.malformed", { reason: tokens.reason ?? "" })
      }</p>${tokens.stored > 0 ? html`<p>${t("health.tokens.unreadable", { count: String(tokens.stored) })}</p>` : ""}`;
    const shown = tokens.missing.slice(0, MISSING_SHOWN);
    return html`<p>${t("health.tokens.active", { active: tokens.activeKeyId ?? "" })} ${t("health.tokens.stored", { count: String(tokens.stored) })}</p>
      ${
        tokens.waiting > 0
          ? html`<p>${t("health.tokens.waiting", { count: String(tokens.waiting) })}</p>`
          : tokens.missing.length === 0 && tokens.stored > 0
            ? html`<p>${t("health.tokens.allActive")}</p>`
            : ""
      }
      ${
        tokens.missing.length === 0
          ? ""
          : html`<p>${t("health.tokens.missing", { count: String(tokens.missing.length) })}</p>
            <ul class="missing">${shown.map(
              (row) =>
                html`<li>${t("health.tokens.row", {
                  installation: String(row.installationId),
                  platform: platformName(row.platform),
                  workspace: row.workspaceId,
                  field: row.field,
                  key: row.keyId ?? t("health.tokens.noKeyId"),
                })}</li>`,
            )}${
              tokens.missing.length > shown.length
                ? html`<li>${t("health.tokens.more", { count: String(tokens.missing.length - shown.length) })}</li>`
                : ""
            }</ul>`
      }`;
  }

  return html`<!doctype html>
<html lang="${view.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t("health.title")}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<h1>${t("health.title")}</h1>
<p>${t("health.intro")}</p>
${installPart}${communitiesPart}${schemaPart}${cronPart}${queuesPart}${tokensPart}${settingsPart}
<p class="small">${t("health.checkedAt", { at: at(view.now) })}</p>
</main>
</body>
</html>`;
}

const PLATFORM_NAMES: Record<string, string> = { slack: "Slack", discord: "Discord", telegram: "Telegram" };
const platformName = (platform: string) => PLATFORM_NAMES[platform] ?? platform;

/** "12 minutes ago" in the page's language, in the largest unit that fits. */
function relative(intl: string, now: Date, then: Date): string {
  const format = new Intl.RelativeTimeFormat(intl, { numeric: "auto" });
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86_400), "day");
}
