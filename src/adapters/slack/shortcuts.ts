/**
 * The message shortcuts' callback_ids (the manifest's `features.shortcuts`) and the core message
 * action each runs. Apart from the listener, so the manifest script does not load Bolt.
 */
export const MESSAGE_SHORTCUTS: Readonly<Record<string, string>> = { report_message: "report.message" };
