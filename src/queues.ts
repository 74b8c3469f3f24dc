/** Queue names from wrangler.toml: each batch goes to its own consumer. */
export const QUEUES = { jobs: "guyub-jobs", outbox: "guyub-outbox" } as const;
