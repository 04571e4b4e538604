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
import { Tokenizer } from 'htmlparser2';

/** True for text that starts like an HTML page (a doctype, or an html, head or body tag near the top). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && /<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head);
}

export const HTML_WARNING = {
  code: 'input-html',
  message: 'HTML page: tags were removed and entities decoded; spans refer to the text after that',
} as const;

/**
 * The text of an HTML page, one paragraph per block element, paragraphs
 * separated by a blank line. htmlparser2's tokenizer reads the tags; the
 * open elements are kept here, as a stack with a count per name, because
 * htmlparser2's own parser puts each open element at the front of an array,
 * which costs time in the square of the nesting depth. A closing tag closes
 * every element opened after its own, as a browser does; `<body>` closes a
 * `<head>` or `<script>` left open.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const open: string[] = [];
  const openCount = new Map<string, number>();
  let skipping = 0;
  let tagName = '';
  const enter = (name: string) => {
    if (SKIPPED.has(name)) skipping++;
    else if (BLOCKS.has(name)) parts.push('\n');
  };
  const leave = (name: string) => {
    if (SKIPPED.has(name)) skipping--;
    else if (BLOCKS.has(name)) parts.push('\n');
  };
  const pop = () => {
    const name = open.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    leave(name);
  };
  const openTag = () => {
    const closes = OPEN_CLOSES.get(tagName);
    while (closes && open.length > 0 && closes.has(open[open.length - 1]!)) pop();
    enter(tagName);
    if (VOID.has(tagName)) return leave(tagName);
    open.push(tagName);
    openCount.set(tagName, (openCount.get(tagName) ?? 0) + 1);
  };
  const text = (data: string) => {
    if (skipping === 0) parts.push(data.replace(/[ \t\n\r\f]+/g, ' '));
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname: (start, end) => void (tagName = html.slice(start, end).toLowerCase()),
      onopentagend: openTag,
      onselfclosingtag: openTag,
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if ((openCount.get(name) ?? 0) === 0) {
          // a stray `</p>` or `</br>` still breaks the paragraph; other stray closing tags are ignored
          if (name === 'p' || name === 'br') parts.push('\n');
          return;
        }
        while (open[open.length - 1] !== name) pop();
        pop();
      },
      ontext: (start, end) => text(html.slice(start, end)),
      ontextentity: (codePoint) => text(String.fromCodePoint(codePoint)),
      onattribdata: () => {},
      onattribentity: () => {},
      onattribend: () => {},
      onattribname: () => {},
      oncdata: () => {},
      oncomment: () => {},
      ondeclaration: () => {},
      onprocessinginstruction: () => {},
      onend: () => {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Elements that have no content and no closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements that close the open element before them when it is one of these. */
const OPEN_CLOSES = new Map([['body', new Set(['head', 'script'])]]);

/** Elements whose content is not article text: metadata, code, embedded objects, navigation. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'nav', 'aside']);

/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);
