import type { Feature } from "../../core/feature.ts";
import { dashboardCommand } from "./command.ts";

export type { DashboardLinkEffect } from "./ports.ts";

/**
 * The moderators' health page: `/copmod dashboard` gives a one-time link (command.ts); the web
 * routes (src/adapters/web/dashboard-*.ts) redeem it into a short session and show the page.
 * The activity history it measures from is written with the activity day (activity-weeks-store.ts).
 */
export const dashboard: Feature = { name: "dashboard", commands: [dashboardCommand] };
