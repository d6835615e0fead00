/**
 * The form's page: one function builds it with its Content-Security-Policy. Nothing may load
 * but the extension's own built script (by a per-load nonce) and stylesheet (from dist/webview,
 * the only local resource root); no inline code, no eval, no network. Pure.
 */

/** What the page needs from the webview: where its files are served from. */
export interface PageSources {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per load. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
}

/** The Content-Security-Policy of the page. */
export function contentSecurityPolicy(sources: Pick<PageSources, 'cspSource' | 'nonce'>): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${sources.nonce}'`,
    `style-src ${sources.cspSource}`,
    `font-src ${sources.cspSource}`,
    `img-src ${sources.cspSource}`,
  ].join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The whole page. */
export function formPage(sources: PageSources): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(sources))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(sources.styleUri)}">
<title>${escapeHtml(sources.title)}</title>
</head>
<body>
<div id="app" aria-live="polite"></div>
<script type="module" nonce="${escapeHtml(sources.nonce)}" src="${escapeHtml(sources.scriptUri)}"></script>
</body>
</html>`;
}
