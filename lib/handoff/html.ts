import { HandoffModel, show, SiteModel } from './model';

/** One rendered device configuration of a site. */
export interface DeviceFile {
  /** e.g. `strongSwan (swanctl.conf)`. */
  readonly label: string;
  /** File name written beside the page, e.g. `paris/swanctl.conf`. */
  readonly file: string;
  readonly text: string;
}

/** What the page shows for one stack. */
export interface HandoffPage {
  readonly stack: string;
  /** The model (without keys: the page never holds one). */
  readonly model: HandoffModel;
  /** runbook.md of the stack, when there is one. */
  readonly runbook?: string;
  /** The topology as SVG (inlined), or else as Mermaid text (shown as code). */
  readonly svg?: string;
  readonly mermaid?: string;
  /** Device configurations per site key. */
  readonly devices: Record<string, DeviceFile[]>;
  /** True when the after-apply values were filled from `terraform output -json`. */
  readonly filled: boolean;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** Only our own diagram is inlined, but never a script or an event handler from a file on disk. */
function safeSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/(xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
    .trim();
}

/** Replaces `<resource group>` in runbook commands with the real group when the JSON knows it. */
export function substituteNames(markdown: string, model: HandoffModel): string {
  const only = model.resourceGroups.length === 1 ? model.resourceGroups[0] : undefined;
  return markdown.split('\n').map((line) => {
    if (!line.includes('<resource group>')) return line;
    const named = /(?:--name|-n|--connection-name|--gateway-name|--vnet-name)\s+([A-Za-z0-9._-]+)/.exec(line)?.[1];
    const rg = (named && model.resourceGroupOf[named]) ?? only;
    return rg ? line.split('<resource group>').join(rg) : line;
  }).join('\n');
}

// ---- a small Markdown renderer for the runbooks (headings, lists, tables, code, bold, links) ----

function inline(text: string): string {
  const parts = text.split(/(`[^`]*`)/);
  return parts.map((part) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) return `<code>${esc(part.slice(1, -1))}</code>`;
    let s = esc(part).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    // Links: only http(s) stay links (a relative link would be broken beside the page).
    s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => (/^https?:\/\//.test(url) ? `<a href="${url}" rel="noreferrer">${label}</a>` : `${label} (<code>${url}</code>)`));
    return s;
  }).join('');
}

function table(rows: string[]): string {
  const cells = (r: string): string[] => r.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  const [head, , ...body] = rows;
  return `<table><thead><tr>${cells(head).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Markdown to HTML; heading ids get `prefix` and are unique (returned for the table of contents). */
export function markdownToHtml(md: string, prefix: string, ids: Set<string>, level = 0): { html: string; headings: { id: string; text: string; depth: number }[] } {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  const headings: { id: string; text: string; depth: number }[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    const fence = /^(\s*)```(\w*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i])) body.push(lines[i++].slice(fence[1].length));
      i++;
      out.push(codeBlock(body.join('\n'), `${prefix}code-${ids.size}`, ids, fence[2]));
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const id = unique(`${prefix}${h[2]}`, ids);
      const depth = Math.min(6, h[1].length + level);
      headings.push({ id, text: h[2], depth: h[1].length });
      out.push(`<h${depth} id="${id}">${inline(h[2])}</h${depth}>`);
      i++;
      continue;
    }
    if (trimmed.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(lines[i++]);
      out.push(table(rows));
      continue;
    }
    const item = /^(\s*)(-|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const ordered = item[2] !== '-';
      const items: string[] = [];
      while (i < lines.length) {
        const m = /^(\s*)(-|\d+\.)\s+(.*)$/.exec(lines[i]);
        if (!m || m[1].length > item[1].length) break;
        const body = [m[3]];
        const strip = m[1].length + m[2].length + 1;
        i++;
        while (i < lines.length) {
          const l = lines[i];
          if (l.trim() === '') {
            const next = lines[i + 1];
            if (next !== undefined && next.trim() !== '' && indentOf(next) > m[1].length) {
              body.push('');
              i++;
              continue;
            }
            break;
          }
          if (indentOf(l) <= m[1].length) break;
          body.push(l.slice(Math.min(indentOf(l), strip)));
          i++;
        }
        items.push(markdownToHtml(body.join('\n'), prefix, ids, level).html.replace(/^<p>([\s\S]*?)<\/p>$/, '$1'));
        while (i < lines.length && lines[i].trim() === '' && /^(\s*)(-|\d+\.)\s+/.test(lines[i + 1] ?? '')) i++;
      }
      out.push(`<${ordered ? 'ol' : 'ul'}>${items.map((t) => `<li>${t}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`);
      continue;
    }
    if (trimmed === '') {
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|\s*```|\s*\||\s*(-|\d+\.)\s)/.test(lines[i])) para.push(lines[i++].trim());
    out.push(`<p>${inline(para.join(' '))}</p>`);
  }
  return { html: out.join('\n'), headings };
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

function unique(text: string, ids: Set<string>): string {
  const base = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'section';
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

function codeBlock(text: string, idBase: string, ids: Set<string>, lang = ''): string {
  const id = unique(idBase, ids);
  return `<div class="code"><button type="button" class="copy" data-target="${id}">Copy</button><pre><code id="${id}"${lang ? ` class="lang-${esc(lang)}"` : ''}>${esc(text)}</code></pre></div>`;
}

const STYLE = `
:root{--fg:#1b1f23;--muted:#57606a;--line:#d0d7de;--bg:#fff;--code:#f6f8fa;--accent:#0969da}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 32px;border-bottom:1px solid var(--line);background:#f6f8fa}header h1{margin:0 0 4px;font-size:24px}header p{margin:4px 0;color:var(--muted)}
.layout{display:flex;align-items:flex-start}nav{position:sticky;top:0;width:260px;flex:none;max-height:100vh;overflow:auto;padding:16px 20px;border-right:1px solid var(--line);font-size:14px}
nav ul{list-style:none;margin:0;padding-left:12px}nav>ul{padding:0}nav a{color:var(--accent);text-decoration:none}nav a:hover{text-decoration:underline}
main{flex:1;min-width:0;padding:8px 32px 48px;max-width:1100px}h2{border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;margin:8px 0;font-size:14px}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
code{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);padding:1px 4px;border-radius:4px}
pre{background:var(--code);border:1px solid var(--line);border-radius:6px;padding:12px;overflow:auto;max-height:520px}pre code{background:none;padding:0}
.code{position:relative}.copy{position:absolute;top:6px;right:6px;font-size:12px;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
.copy:hover{background:#eef}details{margin:8px 0;border:1px solid var(--line);border-radius:6px;padding:6px 12px}summary{cursor:pointer;font-weight:600}
.diagram{overflow:auto;border:1px solid var(--line);border-radius:6px;padding:8px;background:#fff}.diagram svg{max-width:100%;height:auto}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}.facts dt{color:var(--muted)}.facts dd{margin:0}
.note{border-left:4px solid #bf8700;background:#fff8c5;padding:8px 12px;margin:12px 0}.ok{border-left-color:#1a7f37;background:#dafbe1}
`;

const SCRIPT = `
document.addEventListener('click', function (e) {
  var b = e.target && e.target.closest ? e.target.closest('button.copy') : null;
  if (!b) return;
  var el = document.getElementById(b.getAttribute('data-target'));
  if (!el) return;
  var text = el.textContent;
  function done(ok) { b.textContent = ok ? 'Copied' : 'Select and copy'; setTimeout(function () { b.textContent = 'Copy'; }, 1500); }
  function fallback() {
    var r = document.createRange(); r.selectNodeContents(el);
    var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
    var ok = false; try { ok = document.execCommand('copy'); } catch (x) { ok = false; }
    done(ok);
  }
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
  else fallback();
});
`;

function siteFacts(site: SiteModel): string {
  const p = site.policy?.azure;
  const rows: [string, string][] = [
    ['Device', site.device.address ?? site.device.fqdn ?? 'unknown'],
    ['Tunnels', site.instances.map((i) => `Azure instance ${i.index}: ${show(i.publicIp)}`).join('; ')],
    ['IKE', p ? `${site.ikeVersion} ${p.ikeEncryption}/${p.ikeIntegrity}/${p.dhGroup}, SA lifetime 28800 s (fixed by Azure)` : 'not rendered'],
    ['IPsec', p ? `${p.ipsecEncryption}/${p.ipsecIntegrity}, PFS ${p.pfsGroup}, ${p.saLifetimeSeconds} s / ${p.saDataSizeKilobytes} KB${site.azureDefaultPolicy ? ' (Azure default offer)' : ''}` : 'not rendered'],
    ['DPD', `Azure times out after ${site.dpdTimeoutSeconds} s`],
    ['Routing', site.bgp ? `BGP: on-premises ASN ${site.bgp.localAsn} at ${site.bgp.localAddress}${site.bgp.apipa ? ' (APIPA)' : ''}; Azure ASN ${site.bgp.azureAsn} at ${site.instances.map((i) => show(i.bgpAddress)).join(', ')}; eBGP multihop` : `static: Azure prefixes ${site.azurePrefixes.join(', ') || 'unknown'}`],
    ['Traffic selectors', site.trafficSelectors ? site.trafficSelectors.map((t) => `${t.local.join(', ')} <-> ${t.remote.join(', ')}`).join('; ') : 'route-based (any to any)'],
    ['Pre-shared key', `not on this page: ${site.sharedKey.output ? `terraform output -raw ${site.sharedKey.output.name}` : site.sharedKey.how ?? 'ask the Azure team'}`],
  ];
  if (site.nat.length > 0) rows.push(['NAT', site.nat.map((n) => `${n.name} ${n.mode} ${n.internal.join(', ')} -> ${n.external.join(', ')}`).join('; ')]);
  for (const problem of site.problems) rows.push(['Not rendered', problem]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

/** The self-contained hand-off page of a stack (inline CSS and JS, no network). */
export function renderHandoffHtml(page: HandoffPage): string {
  const ids = new Set<string>(['diagram', 'gates', 'outputs', 'devices', 'runbook']);
  const { model } = page;
  const toc: string[] = [];
  const body: string[] = [];

  toc.push('<li><a href="#diagram">Topology</a></li>');
  body.push('<section><h2 id="diagram">Topology</h2>');
  if (page.svg) body.push(`<div class="diagram">${safeSvg(page.svg)}</div>`);
  else if (page.mermaid) body.push('<p>Mermaid source (paste into any Mermaid viewer):</p>', codeBlock(page.mermaid, 'mermaid', ids, 'mermaid'));
  else body.push('<p>No diagram.</p>');
  body.push('</section>');

  toc.push('<li><a href="#gates">Gates, in order</a></li>');
  body.push('<section><h2 id="gates">Gates, in order</h2>');
  if (model.gates.length === 0) body.push('<p>None: one <code>cdktf deploy</code> creates everything.</p>');
  else {
    body.push(`<p>Phase 1 is <code>cdktf deploy ${esc(page.stack)}</code>. Open each gate when its step is done, in this order; keep earlier gates open.</p><ol>`);
    // The JSON lists variables alphabetically; the runbook's Phases section lists gates in the order they open.
    const at = (name: string): number => (page.runbook?.indexOf(`**${name}**`) ?? -1) >>> 0;
    for (const g of [...model.gates].sort((a, b) => at(a.name) - at(b.name))) {
      body.push(`<li><strong>${esc(g.name)}</strong>: ${esc(g.description.replace(/^Phase 2 gate: /, ''))}${codeBlock(`cdktf deploy ${page.stack} --var='${g.name}=true'`, `gate-${g.name}`, ids, 'sh')}</li>`);
    }
    body.push('</ol>');
  }
  body.push('</section>');

  toc.push('<li><a href="#outputs">What to read from terraform output</a></li>');
  body.push('<section><h2 id="outputs">What to read from terraform output</h2>');
  body.push(`<p>In the stack folder after <code>cdktf deploy</code>: <code>terraform output -json</code>, or one value with the command below. ${page.filled ? 'The device configurations below were filled from it (the keys are not on this page).' : 'The device configurations below show <code>&lt;placeholders&gt;</code> for them; <code>npx cdktf-azure-hybrid handoff &lt;stack dir&gt;</code> fills them.'}</p>`);
  if (model.outputs.length > 0) {
    body.push(`<table><thead><tr><th>output</th><th>sensitive</th><th>what it is</th><th>read with</th></tr></thead><tbody>${model.outputs.map((o) => `<tr><td><code>${esc(o.name)}</code></td><td>${o.sensitive ? 'yes' : 'no'}</td><td>${esc(o.description)}</td><td><code>terraform output -json ${esc(o.name)}</code></td></tr>`).join('')}</tbody></table>`);
  }
  body.push('</section>');

  toc.push('<li><a href="#devices">Device configurations</a><ul>');
  body.push('<section><h2 id="devices">Device configurations</h2>');
  if (model.sites.length === 0) body.push('<p>This stack has no site-to-site VPN connection.</p>');
  else body.push('<p class="note">The pre-shared keys are never on this page. The configuration files written beside it by <code>handoff</code> with outputs hold them (mode 0600): hand them over out of band.</p>');
  for (const site of model.sites) {
    const id = unique(`site-${site.key}`, ids);
    toc.push(`<li><a href="#${id}">${esc(site.localNetworkGatewayName)}</a></li>`);
    body.push(`<h3 id="${id}">Site ${esc(site.localNetworkGatewayName)} <small>(connection ${esc(site.connectionName)})</small></h3>`, siteFacts(site));
    (page.devices[site.key] ?? []).forEach((d, n) => {
      body.push(`<details${n === 0 ? ' open' : ''}><summary>${esc(d.label)} <code>${esc(d.file)}</code></summary>${codeBlock(d.text, `cfg-${site.key}-${d.file}`, ids)}</details>`);
    });
  }
  toc.push('</ul></li>');
  body.push('</section>');

  if (page.runbook) {
    const rendered = markdownToHtml(substituteNames(page.runbook, model).replace(/^# .*\n/, ''), 'rb-', ids, 1);
    toc.push('<li><a href="#runbook">Runbook</a><ul>');
    for (const h of rendered.headings.filter((x) => x.depth === 2)) toc.push(`<li><a href="#${h.id}">${esc(h.text)}</a></li>`);
    toc.push('</ul></li>');
    body.push('<section><h2 id="runbook">Runbook</h2>', rendered.html, '</section>');
  }

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Hand-off: ${esc(page.stack)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Hand-off: ${esc(page.stack)}</h1>
<p>Generated by cdktf-azure-hybrid from the synthesized Terraform JSON. Resource group${model.resourceGroups.length === 1 ? '' : 's'}: ${model.resourceGroups.map((g) => `<code>${esc(g)}</code>`).join(', ') || 'not in this stack'}.</p>
<p>${page.filled ? 'After-apply values filled from <code>terraform output -json</code>.' : 'Before apply: values Terraform learns on apply are shown as <code>&lt;placeholders&gt;</code>.'}</p></header>
<div class="layout"><nav><ul>${toc.join('')}</ul></nav>
<main>
${body.join('\n')}
</main></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
