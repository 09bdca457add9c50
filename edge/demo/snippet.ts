/**
 * The Vitrine snippet as a merchant pastes it into their pages' `<head>`:
 * client/snippet.js is the canonical copy, and test/edge/demo.test.ts checks
 * that this twin stays byte-identical to it. (The worker cannot import a
 * file as text without build configuration, hence the twin.)
 */
export function snippetFor(runtimeUrl: string): string {
  // JSON quoting is the URL as a JS string; `<` is escaped as well, so no
  // URL can close the script element early.
  const url = JSON.stringify(runtimeUrl).replaceAll("<", "\\u003c");
  return `<script>
((w,d,u,s)=>{w.vitrine=w.vitrine||function(){(w.vitrine.q=w.vitrine.q||[]).push(arguments)};s=d.createElement("script");s.type="module";s.src=u;d.head.appendChild(s)})(window,document,${url});
</script>`;
}
