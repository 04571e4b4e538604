/**
 * The frame of a self-contained page: its stylesheets and scripts inline,
 * and a Content-Security-Policy that lets exactly those run and fetches
 * nothing (no network, no other script).
 */
import { cspHash } from './script.js';

export interface PageParts {
  title: string;
  styles: readonly string[];
  scripts: readonly string[];
  /** The body's markup, scripts excepted (they come last). */
  body: string;
}

export function selfContainedPage({ title, styles, scripts, body }: PageParts): string {
  const csp = `default-src 'none'; style-src ${styles.map(cspHash).join(' ')}; script-src ${scripts.map(cspHash).join(' ')}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${styles.map((s) => `<style>${s}</style>\n`).join('')}</head>
<body>
${body}${scripts.map((s) => `<script>${s}</script>\n`).join('')}</body>
</html>
`;
}
