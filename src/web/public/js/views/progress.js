// Live progress while a draft is written (POST /drafts with stream: true): what retrieval found for each part, the
// model's text as it streams (when a language model writes), each section as soon as it is done, then the check.
import { h } from '../dom.js';
import { renderSection } from '../draft/render.js';

/** @param {{ request: any, onCancel: () => void }} opts the POST /drafts body being drafted */
export function draftProgress({ request, onCancel }) {
  // An imported consultation is answered item by item (its questions and proposals), a typed one per question.
  const items = request.consultation.items;
  const count = items ? items.length : request.consultation.questions.length;
  const total = count + 2; // introduction, one section per question or item, closing
  const partName = (part, index) =>
    part === 'intro' ? 'Innledningen' : items ? `Punkt ${index + 1}` : `Spørsmål ${index + 1}`;
  const bar = h('progress', { id: 'fremdrift', max: String(total), value: '0' });
  const barLabel = h('label', { for: 'fremdrift', class: 'progress__label' }, `0 av ${total} deler skrevet`);
  const log = h('ol', { class: 'progress__log', role: 'log', 'aria-label': 'Hva som skjer' });
  const typingTitle = h('h3', { class: 'typing__title' });
  const typingText = h('p', { class: 'typing__text' });
  const typing = h('div', { class: 'typing', hidden: true }, typingTitle, typingText);
  const article = h('article', { class: 'draft draft--live', 'aria-label': 'Utkastet så langt' });
  const cancel = h('button', { type: 'button', class: 'button button--secondary', on: { click: onCancel } }, 'Avbryt');
  const heading = h('h2', { id: 'fremdrift-tittel', tabindex: '-1' }, 'Lager utkastet');
  const ctx = { footnote: 0, pending: true };
  let done = 0;

  const element = h(
    'section',
    { class: 'progress', 'aria-labelledby': 'fremdrift-tittel' },
    heading,
    h(
      'p',
      { class: 'progress__about' },
      `«${request.consultation.title}» · ${request.organisation.name} · ${count} ${items ? (count === 1 ? 'punkt' : 'punkter') : 'spørsmål'}`,
    ),
    h('div', { class: 'progress__bar' }, barLabel, bar, cancel),
    log,
    typing,
    h('p', { class: 'hint' }, 'Fotnotene får farge når alle kildene er kontrollert.'),
    article,
  );

  const say = (text, kind = '') =>
    log.append(h('li', { class: kind ? `progress__item progress__item--${kind}` : 'progress__item' }, text));
  say('Henter kilder til innledningen …');

  function onEvent(name, data) {
    if (name === 'retrieval') {
      const where = partName(data.part, data.index);
      const n = data.passages?.length ?? 0;
      // Issue 17: `uncertain` is drafted too, every sentence marked ≈ (servers before it send only `relevant`).
      const outcome = data.outcome ?? (data.relevant ? 'answered' : 'none');
      say(
        outcome === 'answered'
          ? `${where}: fant ${n} avsnitt i dokumentene. Skriver …`
          : outcome === 'uncertain'
            ? `${where}: fant ${n} avsnitt, men det er usikkert om de svarer på spørsmålet. Skriver, og merker setningene ≈ for kontroll …`
            : `${where}: fant ingenting relevant. Delen sier at organisasjonen ikke har uttalt seg om dette.`,
        outcome === 'none' ? 'none' : '',
      );
      typingTitle.textContent = `Skriver nå: ${where.toLowerCase()}`;
      typingText.textContent = '';
    } else if (name === 'delta') {
      typing.hidden = false;
      typingText.append(data.text ?? '');
    } else if (name === 'section') {
      typing.hidden = true;
      typingText.textContent = '';
      done += 1;
      bar.value = done;
      barLabel.textContent = `${done} av ${total} deler skrevet`;
      article.append(renderSection(data.section, data.index, ctx));
      // A heading that is a question ends in its own mark: «Ferdig: Hva mener …?», not «…?.».
      const heading = data.section.heading ?? `del ${data.index + 1}`;
      say(`Ferdig: ${heading}${/[.?!:…]$/u.test(heading.trim()) ? '' : '.'}`, 'done');
    } else if (name === 'verification') {
      const s = data.summary ?? {};
      const supported = s.verdicts?.supported ?? 0;
      say(
        data.ok
          ? `Kontrollerte kildene: alle ${s.claims ?? supported} påstandene er støttet.`
          : `Kontrollerte kildene: ${supported} av ${s.claims ?? '?'} påstander er støttet. Resten er markert i utkastet.`,
        data.ok ? 'done' : 'warning',
      );
    }
  }

  return {
    element,
    onEvent,
    focus: () => heading.focus(),
    finished: () => {
      cancel.remove();
      say('Utkastet er lagret. Åpner det …', 'done');
    },
  };
}
