/**
 * Escaped article text with one `<mark>` per entity mention, as displaCy
 * renders entities: marks are placed by code-point spans (the record's
 * offsets), nested marks nest, and a mark that crosses the end of the one it
 * starts in is split there, its continuation drawn without a label.
 */

/** One highlighted span of the text. */
export interface Mark {
  /** Half-open code-point offsets into the text. */
  start: number;
  end: number;
  /** CSS classes of the mark, e.g. `ent t-dates`. */
  className: string;
  /** Visible type label after the marked text (`date`). */
  label: string;
  /** What hover and keyboard focus show: the normalised value. */
  tip: string;
  /** `data-*` attributes, for scripts and tests. */
  data?: Record<string, string>;
  /** Anchor id, so tables can link to the mention. */
  id?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A piece of a mark as laid out: the whole mark, or one part of a split one. */
interface Piece {
  mark: Mark;
  start: number;
  end: number;
  first: boolean;
  children: Piece[];
}

/** Outer marks before inner ones: by start, then longer first, then given order. */
function before(a: Piece, b: Piece): boolean {
  return a.start < b.start || (a.start === b.start && a.end > b.end);
}

/**
 * Lays marks out as a tree of properly nested pieces. Marks outside the text
 * or empty are left out and returned in `dropped`.
 */
export function layoutMarks(marks: readonly Mark[], length: number): { roots: Piece[]; dropped: Mark[] } {
  const dropped = marks.filter((m) => !(m.start >= 0 && m.start < m.end && m.end <= length));
  const queue: Piece[] = marks.filter((m) => !dropped.includes(m)).map((mark) => ({ mark, start: mark.start, end: mark.end, first: true, children: [] }));
  queue.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const roots: Piece[] = [];
  const open: Piece[] = [];
  for (let i = 0; i < queue.length; i++) {
    const piece = queue[i]!;
    while (open.length && open[open.length - 1]!.end <= piece.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && piece.end > parent.end) {
      // Crossing: keep the part inside the parent here, queue the rest where it starts.
      const rest: Piece = { mark: piece.mark, start: parent.end, end: piece.end, first: false, children: [] };
      piece.end = parent.end;
      let at = i + 1;
      while (at < queue.length && !before(rest, queue[at]!)) at++;
      queue.splice(at, 0, rest);
    }
    (parent ? parent.children : roots).push(piece);
    open.push(piece);
  }
  return { roots, dropped };
}

/** UTF-16 index of every code-point offset (0..length). */
function codeUnitOffsets(text: string): number[] {
  const offsets = [0];
  let at = 0;
  for (const ch of text) offsets.push((at += ch.length));
  return offsets;
}

/** The text, escaped, with its marks; `dropped` lists marks whose spans do not fit the text. */
export function renderMarkedText(text: string, marks: readonly Mark[]): { html: string; dropped: Mark[] } {
  const units = codeUnitOffsets(text);
  const { roots, dropped } = layoutMarks(marks, units.length - 1);
  const slice = (start: number, end: number) => escapeHtml(text.slice(units[start], units[end]));
  const render = (pieces: Piece[], start: number, end: number): string => {
    let html = '';
    let at = start;
    for (const piece of pieces) {
      html += slice(at, piece.start) + openTag(piece) + render(piece.children, piece.start, piece.end) + closeTag(piece);
      at = piece.end;
    }
    return html + slice(at, end);
  };
  return { html: render(roots, 0, units.length - 1), dropped };
}

function openTag({ mark, first }: Piece): string {
  if (!first) return `<mark class="${escapeHtml(mark.className)} cont">`;
  const data = Object.entries(mark.data ?? {})
    .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
    .join('');
  const id = mark.id ? ` id="${escapeHtml(mark.id)}"` : '';
  return `<mark class="${escapeHtml(mark.className)}"${id} tabindex="0"${data}>`;
}

function closeTag({ mark, first }: Piece): string {
  if (!first) return '</mark>';
  return `<span class="lbl">${escapeHtml(mark.label)}</span><span class="tip" role="tooltip">${escapeHtml(mark.tip)}</span></mark>`;
}
