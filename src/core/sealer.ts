/**
 * Text kept sealed at rest (a report's snapshot and reasons). Core seals and opens through this
 * port and never sees a key: the app wires it from the Worker's key ring (`src/secrets/sealer.ts`).
 * `binding` names the row and field the text belongs to, so a sealed value copied elsewhere does
 * not open. Both throw when no key is configured or the value does not open.
 */
export interface Sealer {
  seal(text: string, binding: string): Promise<string>;
  open(envelope: string, binding: string): Promise<string>;
}
