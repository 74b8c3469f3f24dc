/** Vite's `?raw` imports: a file's text, e.g. the backup SQL scripts the profile tests run. */
declare module "*.sql?raw" {
  const text: string;
  export default text;
}
