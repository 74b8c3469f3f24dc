/** Vite's `import.meta.glob`: files by pattern, e.g. core's sources as text for test/command-roots.test.ts. */
interface ImportMeta {
  glob(
    pattern: string,
    options: { readonly query: "?raw"; readonly import: "default"; readonly eager: true },
  ): Record<string, string>;
}
