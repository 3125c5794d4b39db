// Withdrawing a document from its page: a confirmation dialog that names the drafts citing it (GET
// /documents/:id/drafts, only those the person may read), then DELETE /documents/:id.
import { getJson, sendJson } from '../api.js';
import { formatTimestamp, h } from '../dom.js';
import { errorBox } from '../errors.js';

/**
 * Ask, and withdraw when confirmed. Resolves with the withdrawal (DELETE's answer) or null when cancelled.
 * @param {{ id: string, title: string }} doc
 */
export async function confirmWithdrawal(doc) {
  const { drafts } = await getJson(`/documents/${encodeURIComponent(doc.id)}/drafts`);
  const confirm = h('button', { type: 'button', class: 'button button--danger' }, 'Trekk tilbake');
  const cancel = h('button', { type: 'button', class: 'button button--secondary' }, 'Avbryt');
  const errorSlot = h('div', { class: 'error-slot' });
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': 'trekk-tittel', 'aria-describedby': 'trekk-om' },
    h('h2', { id: 'trekk-tittel' }, `Trekke tilbake «${doc.title}»?`),
    h(
      'p',
      { id: 'trekk-om' },
      'Avsnittene slettes og kan ikke lenger siteres eller finnes i søk. Utkast som siterer dokumentet, beholder sitatene, men kildene merkes som trukket tilbake.',
    ),
    drafts.length
      ? [
          h(
            'p',
            { class: 'dialog__count' },
            drafts.length === 1 ? 'Ett utkast siterer dokumentet:' : `${drafts.length} utkast siterer dokumentet:`,
          ),
          h(
            'ul',
            { class: 'dialog__drafts' },
            drafts.map((d) =>
              h(
                'li',
                {},
                h('a', { href: `/utkast/${encodeURIComponent(d.id)}`, target: '_blank' }, d.title),
                ` – ${d.organisation}, endret ${formatTimestamp(d.updatedAt)}`,
              ),
            ),
          ),
        ]
      : h('p', { class: 'dialog__count' }, 'Ingen utkast du har tilgang til, siterer dokumentet.'),
    errorSlot,
    h('div', { class: 'form-actions' }, confirm, cancel),
  );
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus();
  try {
    return await new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(null));
      cancel.addEventListener('click', () => dialog.close());
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          resolve(await sendJson('DELETE', `/documents/${encodeURIComponent(doc.id)}`, undefined));
        } catch (err) {
          confirm.disabled = false;
          errorSlot.replaceChildren(errorBox(err));
        }
      });
    });
  } finally {
    dialog.close();
    dialog.remove();
  }
}
