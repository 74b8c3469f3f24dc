/**
 * The content's stylesheet, inline (the CSP allows `style-src 'unsafe-inline'` and nothing else).
 * Phone first: one column, cards and tables that wrap; wide tables scroll inside their own box,
 * never the page (the Chromium check holds the page to 390 px without horizontal scroll).
 */
export const DASHBOARD_STYLE = `
.dashboard{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));max-width:72rem}
.dashboard *{box-sizing:border-box}
.dashboard .period{grid-column:1/-1;margin:0;color:#444}
.dashboard .card{border:1px solid #ccc;border-radius:.5rem;padding:.75rem 1rem;min-width:0;background:#fff}
.dashboard h2{font-size:1.1rem;margin:0 0 .5rem}
.dashboard .figure p{margin:.15rem 0}
.dashboard .label{font-weight:600}
.dashboard .value{font-size:1.6rem;font-weight:700}
.dashboard .better{color:#106b21}
.dashboard .worse{color:#a4161a}
.dashboard .good,.dashboard .note{font-size:.85rem;color:#555}
.dashboard table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem;width:100%}
.dashboard th,.dashboard td{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #eee;vertical-align:top}
.dashboard td{text-align:right}
.dashboard caption{text-align:left;font-size:.85rem;color:#555}
.dashboard .scroll{overflow-x:auto;max-width:100%}
.dashboard .chart svg{width:100%;height:8rem;display:block}
.dashboard .chart .bar{fill:#2b6cb0}
.dashboard .chart .few{fill:#bcd3ea}
.dashboard .chart .axis{stroke:#888;stroke-width:1}
.dashboard .chart .tick{font-size:10px;fill:#444}
`.replace(/\n/g, "");
