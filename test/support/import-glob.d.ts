/** Vite's `import.meta.glob` (eager, `?raw`): every matching file's text by path, read at transform time. */
interface ImportMeta {
  glob(
    pattern: string | readonly string[],
    options: { readonly query: "?raw"; readonly import: "default"; readonly eager: true },
  ): Record<string, string>;
}
