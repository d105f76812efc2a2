/** The site's style sheet: light and dark (the reader's preference, or the toggle), readable on a phone. */
export const SITE_CSS = `:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--link:#0550ae;--focus:#0969da;
--accepted:#1a7f37;--proposed:#9a6700;--rejected:#cf222e;--deprecated:#6e7781;--superseded:#8250df;--draft:#0969da;--unknown:#57606a}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--panel:#161b22;--link:#4493f8;--focus:#4493f8;
--accepted:#3fb950;--proposed:#d29922;--rejected:#f85149;--deprecated:#9198a1;--superseded:#ab7df8;--draft:#4493f8;--unknown:#9198a1}}
:root[data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--panel:#161b22;--link:#4493f8;--focus:#4493f8;
--accepted:#3fb950;--proposed:#d29922;--rejected:#f85149;--deprecated:#9198a1;--superseded:#ab7df8;--draft:#4493f8;--unknown:#9198a1}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5em}.skip:focus{left:.5em}
header.top{display:flex;flex-wrap:wrap;gap:.5em 1.5em;align-items:center;padding:.75em 1.25em;border-bottom:1px solid var(--line);background:var(--panel)}
.brand{font-weight:600;text-decoration:none;color:var(--fg)}
header.top nav{display:flex;gap:1em;flex-wrap:wrap}header.top nav a[aria-current=page]{font-weight:600;text-decoration-thickness:2px}
.theme{margin-left:auto;background:none;border:1px solid var(--line);color:var(--fg);border-radius:6px;padding:.2em .6em;cursor:pointer}
main{max-width:60rem;margin:0 auto;padding:1em 1.25em 3em}
footer{color:var(--muted);font-size:.85em;text-align:center;padding:1em;border-top:1px solid var(--line)}
h1{font-size:1.75em;line-height:1.25;margin:.4em 0}h2{font-size:1.3em;margin-top:1.6em}
.lead,.muted,.result-count{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.75em;margin:1em 0;padding:.75em;background:var(--panel);border:1px solid var(--line);border-radius:8px}
.filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted);gap:.2em;flex:1 1 12em}
.filters input,.filters select{font:inherit;font-size:1rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.35em .5em}
ul.records{list-style:none;padding:0;margin:0}ul.records li{padding:.6em 0;border-bottom:1px solid var(--line)}
ul.records li[hidden]{display:none}.group[hidden]{display:none}
ul.records .summary{margin:.25em 0 0;color:var(--muted);font-size:.92em}
.num{font-variant-numeric:tabular-nums;color:var(--muted);font-weight:500}
.count{font-size:.7em;color:var(--muted);font-weight:normal}
.badge{display:inline-block;font-size:.78em;font-weight:600;border:1px solid currentColor;border-radius:1em;padding:0 .55em;white-space:nowrap;vertical-align:.1em}
.status-accepted{color:var(--accepted)}.status-proposed{color:var(--proposed)}.status-rejected{color:var(--rejected)}
.status-deprecated{color:var(--deprecated)}.status-superseded{color:var(--superseded)}.status-draft{color:var(--draft)}.status-unknown{color:var(--unknown)}
time{color:var(--muted);font-size:.9em;font-variant-numeric:tabular-nums}
.tag{display:inline-block;font-size:.78em;background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:0 .4em;margin:0 .1em}
.crumbs{font-size:.9em;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em;margin:1em 0;padding:.75em 1em;background:var(--panel);border:1px solid var(--line);border-radius:8px}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.rel{color:var(--muted);min-width:8em;display:inline-block}.broken{color:var(--muted);text-decoration:line-through dotted}
ol.chain li[aria-current]{font-weight:600}
.body{border-top:1px solid var(--line);margin-top:1.5em;overflow-wrap:break-word}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.75em;overflow:auto}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.raw-html{color:var(--muted)}
.table{overflow-x:auto}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid var(--line);padding:.35em .6em;vertical-align:top}th{background:var(--panel)}
blockquote{margin:1em 0;padding:0 1em;border-left:4px solid var(--line);color:var(--muted)}
img{max-width:100%}
.graph-scroll{overflow:auto;max-height:80vh;border:1px solid var(--line);border-radius:8px;background:#fff}
.graph-scroll svg{display:block}
ol.timeline{list-style:none;padding:0}ol.timeline li{padding:.35em 0;border-bottom:1px solid var(--line)}.what{font-weight:600;min-width:7em;display:inline-block}.who{color:var(--muted)}
@media (max-width:40rem){body{font-size:15px}dl.facts{grid-template-columns:1fr}dl.facts dt{font-weight:600}.rel{min-width:0}}
@media print{header.top,.filters,footer{display:none}}
`;
