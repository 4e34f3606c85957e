/** The /docs page: plain HTML, one script and one stylesheet from this server (no CDN, offline). */

/** The page; its script renders /openapi.json. */
export const docsHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Corridor API</title>
<link rel="stylesheet" href="/docs/docs.css">
<script type="module" src="/docs/docs.js"></script>
</head>
<body>
<header><h1>Corridor API</h1><p id="about">Loading <a href="/openapi.json">/openapi.json</a>…</p></header>
<nav id="toc"></nav>
<main id="routes"></main>
</body>
</html>
`;

/** The stylesheet. */
export const docsCss = `body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2433;background:#f7f7f5}
header,main,nav{max-width:60rem;margin:0 auto;padding:0 1rem}
h1{margin:1.2rem 0 .3rem}h2{margin-top:2rem;border-bottom:1px solid #ccd}
nav a{margin-right:1rem}
section.op{background:#fff;border:1px solid #dde;border-radius:6px;margin:.8rem 0;padding:.6rem .9rem}
.method{display:inline-block;min-width:4rem;font-weight:700;font-family:monospace}
.GET{color:#1b6e3a}.POST{color:#8a4b00}.PUT,.PATCH{color:#4b3d99}.DELETE{color:#a01c1c}
.path{font-family:monospace;font-size:1.05em}
.roles{color:#556;font-size:.9em}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #dde;padding:.2rem .5rem;text-align:left}
pre{background:#f1f2f6;padding:.5rem;overflow:auto;font-size:.85em}
`;

/** The script: fetches the document and builds the page with DOM calls (no HTML from data). */
export const docsJs = `const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
};
const schemaBlock = (title, schema) =>
  el('details', {}, el('summary', {}, title), el('pre', {}, JSON.stringify(schema, null, 2)));

function renderOperation(method, path, op) {
  const section = el('section', { class: 'op', id: op.operationId });
  section.append(
    el('div', {}, el('span', { class: 'method ' + method.toUpperCase() }, method.toUpperCase()),
      el('span', { class: 'path' }, path)),
    el('p', {}, op.summary || ''),
    el('p', { class: 'roles' }, 'Who may call: ' +
      (op['x-roles'] === 'public' ? 'anyone, no login' : op['x-roles'].join(', '))),
  );
  if (op.description) section.append(el('p', {}, op.description));
  if (op.parameters && op.parameters.length) {
    const rows = op.parameters.map((p) => el('tr', {}, el('td', {}, p.name), el('td', {}, p.in),
      el('td', {}, p.required ? 'required' : 'optional'), el('td', {}, JSON.stringify(p.schema))));
    section.append(el('table', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'),
      el('th', {}, ''), el('th', {}, 'schema')), ...rows));
  }
  if (op.requestBody) section.append(schemaBlock('Request body',
    op.requestBody.content['application/json'].schema));
  for (const [status, r] of Object.entries(op.responses)) {
    const content = r.content && r.content['application/json'];
    if (status.startsWith('2') && content) section.append(schemaBlock('Response ' + status, content.schema));
  }
  section.append(el('p', { class: 'roles' }, 'Errors: ' + Object.keys(op.responses)
    .filter((s) => !s.startsWith('2')).join(', ') + ' (see the Error schema)'));
  return section;
}

const doc = await (await fetch('/openapi.json')).json();
document.getElementById('about').textContent = doc.info.description + ' OpenAPI ' + doc.openapi +
  ', version ' + doc.info.version + '.';
const byTag = new Map();
for (const [path, ops] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    const tag = (op.tags && op.tags[0]) || 'other';
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push(renderOperation(method, path, op));
  }
}
const main = document.getElementById('routes');
const toc = document.getElementById('toc');
for (const [tag, sections] of byTag) {
  toc.append(el('a', { href: '#tag-' + tag }, tag));
  main.append(el('h2', { id: 'tag-' + tag }, tag), ...sections);
}
main.append(el('h2', {}, 'Error'), el('pre', {}, JSON.stringify(doc.components.schemas.Error, null, 2)));
`;
