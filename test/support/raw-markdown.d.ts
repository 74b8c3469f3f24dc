/** Vite's `?raw` imports of Markdown: the guides' text, which test/guides.test.ts holds to the registry. */
declare module "*.md?raw" {
  const text: string;
  export default text;
}
