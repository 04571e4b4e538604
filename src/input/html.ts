/**
 * HTML pages saved as text files (a crawler's raw download). The page's text
 * is what gets extracted: tags are dropped, entities decoded, the contents of
 * head, script, style, nav and the like skipped, and each block element (p,
 * div, h1, li, br, …) ends a paragraph, as blank lines do in a `.txt` article.
 * White space inside a paragraph collapses to single spaces, as a browser
 * shows it (also inside pre).
 * Spans then refer to that text, not to the HTML source: the record says so
 * in its warnings.
 */
import { Parser } from 'htmlparser2';

/** True for text that starts like an HTML page (a doctype, or an html, head or body tag near the top). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && /<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head);
}

export const HTML_WARNING = {
  code: 'input-html',
  message: 'HTML page: tags were removed and entities decoded; spans refer to the text after that',
} as const;

/** The text of an HTML page, one paragraph per block element, paragraphs separated by a blank line. */
export function htmlToText(html: string): string {
  let out = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCKS.has(name)) out += '\n';
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(name)) out += '\n';
      },
      ontext(text) {
        if (skipping === 0) out += text.replace(/[ \t\n\r\f]+/g, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Elements whose content is not article text: metadata, code, embedded objects, navigation. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'nav', 'aside']);

/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);
