// The list of a draft's versions; each opens in the draft view.
import { formatTimestamp, h } from '../dom.js';

const WHO = {
  extractive: 'uttrekk uten språkmodell',
  anthropic: 'Claude',
  'openai-chat': 'selvdriftet språkmodell',
  person: 'redigert for hånd',
};

export function versionList(draftId, versions, currentVersion) {
  return [
    h('h2', { id: 'versjoner' }, 'Versjoner'),
    h(
      'ul',
      { class: 'version-list' },
      [...versions].reverse().map((v) => {
        const label = `Versjon ${v.version}`;
        const detail = ` – ${WHO[v.provider] ?? v.provider}, ${formatTimestamp(v.createdAt)}, ${v.verificationOk ? 'alle kilder støttet' : 'kilder må ses over'}`;
        return h(
          'li',
          { class: v.version === currentVersion ? 'is-current' : null },
          v.version === currentVersion
            ? [h('strong', { 'aria-current': 'true' }, label), detail, ' (vises nå)']
            : [
                h('a', { href: `/utkast/${encodeURIComponent(draftId)}?versjon=${v.version}`, 'data-link': '' }, label),
                detail,
              ],
        );
      }),
    ),
  ];
}
