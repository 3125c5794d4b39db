// Replacing a document from its page: pick the new file, watch it read and made searchable (PUT /documents/:id
// with ?stream=true; the stored metadata is kept), then the page shows the new version.
import { sendFormStream } from '../api.js';
import { h } from '../dom.js';
import { problemText } from '../errors.js';
import { progressText, refusalHint } from './progressText.js';

/**
 * The «Erstatt med ny fil» control. `onReplaced(result)` runs once the new version is stored.
 * @param {{ id: string }} doc
 */
export function replaceControl(doc, onReplaced) {
  const input = h('input', { id: 'erstatt-fil', type: 'file', class: 'visually-hidden' });
  const status = h('div', { class: 'replace__status', role: 'status' });
  const label = h('label', { for: 'erstatt-fil', class: 'button button--secondary' }, 'Erstatt med ny fil …');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    input.disabled = true;
    const bar = h('progress', { max: '100', value: '0', 'aria-label': 'Fremdrift for erstatningen' });
    const line = h('p', {}, `Sender ${file.name} …`);
    status.replaceChildren(bar, line);
    const body = new FormData();
    body.set('file', file, file.name);
    try {
      const result = await sendFormStream('PUT', `/documents/${encodeURIComponent(doc.id)}`, body, (name, e) => {
        const p = name === 'progress' && progressText(e);
        if (!p) return;
        line.textContent = p.text;
        bar.value = Math.round(p.share * 100);
      });
      await onReplaced(result);
    } catch (err) {
      const hint = refusalHint(err);
      status.replaceChildren(
        h(
          'p',
          { class: 'notice notice--error', role: 'alert' },
          h('strong', {}, 'Ikke erstattet: '),
          problemText(err),
          hint ? ` ${hint}` : '',
        ),
      );
    } finally {
      input.disabled = false;
      input.value = '';
    }
  });
  return { element: h('div', { class: 'replace' }, input, label), status };
}
