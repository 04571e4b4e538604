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

/** The Content-Security-Policy source for exactly this script, so nothing else can run. */
export const SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;
