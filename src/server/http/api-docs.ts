type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: unknown[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string; content?: { 'application/json': { schema: unknown } } }>;
};
type OpenApi = {
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const code = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
const json = (v: unknown) => `<pre tabindex="0"><code>${escapeHtml(JSON.stringify(v, null, 2))}</code></pre>`;

export const apiDocsCss = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:0;color:#0b0c0c;line-height:1.5}
header{background:#0b0c0c;color:#fff;padding:12px 24px}header a{color:#fff}
main{max-width:960px;margin:0 auto;padding:24px}a{color:#1d70b8}a:focus,summary:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
.op{border-top:1px solid #b1b4b6;padding:16px 0}.method{display:inline-block;min-width:64px;font-weight:700}
code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f3f2f1;padding:0 4px}pre{background:#f3f2f1;padding:12px;overflow:auto;max-height:24rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;text-align:left;padding:6px 8px;vertical-align:top}
.skip{position:absolute;left:-9999px}.skip:focus{position:static}`;

/** A readable, script-free HTML reference generated from the OpenAPI description. */
export function renderApiDocs(spec: OpenApi): string {
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      toc.push(
        `<li><a href="#${op.operationId}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></a> ${escapeHtml(op.summary)}</li>`,
      );
      const params = op.parameters.length
        ? `<h4>Parameters</h4><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${op.parameters
            .map(
              (p) =>
                `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '';
      const body = op.requestBody
        ? `<h4>Request body (JSON)</h4>${json(op.requestBody.content['application/json'].schema)}`
        : '';
      const responses = Object.entries(op.responses)
        .map(([status, r]) =>
          r.content && !status.startsWith('4')
            ? `<details><summary><strong>${status}</strong> ${escapeHtml(r.description)}</summary>${json(r.content['application/json'].schema)}</details>`
            : `<p><strong>${status}</strong> ${code(r.description)}</p>`,
        )
        .join('');
      ops.push(`<section class="op" id="${op.operationId}" aria-labelledby="${op.operationId}-h">
<h3 id="${op.operationId}-h"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary)}. Operation <code>${op.operationId}</code>. ${op.security.length ? 'Needs a signed-in session.' : 'No sign-in needed.'}</p>
${op.description ? `<p>${code(op.description)}</p>` : ''}${params}${body}<h4>Responses</h4>${responses}</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference – Sightlines</title><link rel="stylesheet" href="/api/docs.css"></head><body>
<a class="skip" href="#main">Skip to main content</a><header><a href="/">Sightlines</a> API reference</header>
<main id="main"><h1>${escapeHtml(spec.info.title)} <small>version ${escapeHtml(spec.info.version)}</small></h1><p>${code(spec.info.description)}</p>
<p>The machine-readable description is at <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).</p>
<h2>Operations</h2><ul>${toc.join('')}</ul>${ops.join('')}</main></body></html>`;
}
