/**
 * The report's one inline script. Values show on hover and focus by CSS
 * alone; this only lets Escape dismiss a shown value without moving the
 * pointer or focus (WCAG 1.4.13), until the pointer or focus moves on.
 */
import { createHash } from 'node:crypto';

export const SCRIPT = `(() => {
  const body = document.body;
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') body.classList.add('tips-hidden'); });
  const show = () => body.classList.remove('tips-hidden');
  document.addEventListener('focusin', show);
  document.addEventListener('pointerover', show);
})();`;

/** A Content-Security-Policy source that allows exactly this inline text (script or stylesheet) and nothing else. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}
