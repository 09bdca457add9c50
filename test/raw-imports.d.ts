// Vite's `?raw` suffix imports a file's text; tests use it for fixtures.
declare module "*?raw" {
  const text: string;
  export default text;
}
