import { freshDb } from "./db.ts";

// Vitest setup file: runs before every test file. Files share one isolate and its D1 (vitest
// `isolate: false`); each still starts on an empty database with the real migrations applied.
await freshDb();
