import type { Context } from "hono";
import { localeFromAcceptLanguage } from "../../core/i18n/accept-language.ts";
import { readHealth } from "../../db/health-read.ts";
import type { AppEnv } from "../../env.ts";
import { QUEUES } from "../../queues.ts";
import { renderHealthPage } from "./health-page.ts";
import { healthView } from "./health-view.ts";

/**
 * `GET /`: the health page. One D1 batch of reads (two statements when the schema is behind),
 * nothing sent, nothing written; never cached, since it is about now.
 */
export function healthPage(now: () => Date) {
  return async (c: Context<{ Bindings: AppEnv }>) => {
    const locale = localeFromAcceptLanguage(c.req.header("accept-language"));
    const reading = await readHealth(c.env.DB);
    const view = healthView(c.env, reading, Object.values(QUEUES), locale, now());
    c.header("Cache-Control", "no-store");
    c.header("Vary", "Accept-Language");
    c.header("Content-Language", locale);
    return c.html(renderHealthPage(view));
  };
}
