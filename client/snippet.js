// The snippet a merchant pastes into every page, between <script> and
// </script>, with EDGE and SITE filled in. It defines window.vitrine as a
// queue (calls wait in vitrine.q) and loads the runtime as an ES module,
// which replays the queue. Kept on one line as pasted; scripts/bench-size.ts
// measures that line.
// biome-ignore-all lint/complexity/noArguments: a rest parameter costs bytes and changes nothing for the queue.
// biome-ignore-all lint/suspicious/noAssignInExpressions: hand-minified on purpose.
// biome-ignore format: the pasted form is hand-minified.
((w,d,u,s)=>{w.vitrine=w.vitrine||function(){(w.vitrine.q=w.vitrine.q||[]).push(arguments)};s=d.createElement("script");s.type="module";s.src=u;d.head.appendChild(s)})(window,document,"https://EDGE/v1/sites/SITE/runtime.js");
