// The draft as the page holds it while someone reads and edits it: the API's sections and sentences, each sentence
// joined with its line of the verification report. The report lists sentences in the order the structured form
// lays them out (sections → non-empty paragraphs → sentences), the same order the server uses to annotate verdicts.

/** Build the page model from a DraftVersion (GET /drafts/:id → current). */
export function modelFromVersion(version) {
  const sections = version.draft.sections.map((s) => ({
    ...s,
    paragraphs: s.paragraphs.map((p) =>
      p.map((t) => ({ ...t, citations: t.citations.map((c) => ({ ...c })), changed: false })),
    ),
  }));
  const model = { title: version.draft.title, organisation: version.draft.organisation, sections };
  applyReport(model, version.verification);
  // A source withdrawn since the check was run no longer backs the sentence, whatever the stored verdict says.
  const gone = new Set((version.withdrawnSources ?? []).map((w) => w.passageId));
  for (const s of flatSentences(model)) s.withdrawn = s.citations.some((c) => gone.has(c.passageId));
  // A sentence citing one of the organisation's internal documents: marked here and in both exports, so it is
  // checked before the answer leaves the organisation. Its verdict is not changed by it.
  const internal = new Map((version.internalSources ?? []).map((d) => [d.passageId, d.title]));
  for (const s of flatSentences(model))
    s.internal = [...new Set(s.citations.map((c) => internal.get(c.passageId)).filter(Boolean))];
  return model;
}

/** Every sentence in report order. */
export function flatSentences(model) {
  return model.sections.flatMap((s) => s.paragraphs.filter((p) => p.length).flat());
}

/**
 * Join a verification report to sentences in report order (verdict, reasons, per-citation status and offsets);
 * by default the model's own.
 */
export function applyReport(model, report, sentences = flatSentences(model)) {
  (report?.sentences ?? []).forEach((r, i) => {
    const s = sentences[i];
    if (!s) return;
    s.verdict = r.verdict;
    s.claim = r.claim;
    s.reasons = r.reasons ?? [];
    s.citationReports = r.citations ?? [];
    // The language-model judge's answer set this verdict (the panel says so).
    s.judged = r.judge?.decided === true;
    s.changed = false;
    s.withdrawn = false;
  });
}

/** Collapse a sentence to the verifier's canonical single line (runs of ASCII whitespace → one space, trimmed). */
export function canonicalLine(text) {
  return text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();
}

/**
 * The verifier's structured form of the model (what PUT /drafts/:id and POST /verify take), and the sentences in
 * the same order so a report can be joined back. Emptied sentences are left out: clearing a sentence deletes it.
 */
export function toStructured(model) {
  const sections = [];
  const order = [];
  for (const s of model.sections) {
    const paragraphs = s.paragraphs.map((p) => p.filter((t) => canonicalLine(t.text))).filter((p) => p.length);
    if (paragraphs.length === 0) {
      if (s.heading) sections.push({ heading: s.heading, sentences: [] });
      continue;
    }
    paragraphs.forEach((p, i) => {
      sections.push({
        ...(i === 0 && s.heading ? { heading: s.heading } : {}),
        // A section marked «usikkert» (issue 17) stays ≈ when checked again, but a quoted proposal before it.
        ...(s.reviewReason && i >= (s.reviewFromParagraph ?? 0) ? { review: s.reviewReason } : {}),
        sentences: p.map((t) => {
          order.push(t);
          return {
            text: canonicalLine(t.text),
            citations: t.citations.map(({ passageId, quote, start, end }) => ({
              passageId,
              quote,
              ...(start !== undefined ? { start, end } : {}),
            })),
          };
        }),
      });
    });
  }
  return { structured: { title: model.title, sections }, order };
}

/** Drop sentences someone emptied, and paragraphs left with none: clearing a sentence deletes it. */
export function pruneEmpty(model) {
  for (const s of model.sections)
    s.paragraphs = s.paragraphs.map((p) => p.filter((t) => canonicalLine(t.text))).filter((p) => p.length);
}

/** Counts for the summary line: how many claims, and how many of them are supported. */
export function summarise(model) {
  const claims = flatSentences(model).filter((s) => s.kind === 'claim' || s.claim);
  const by = (pred) => claims.filter(pred).length;
  return {
    claims: claims.length,
    supported: by((s) => s.verdict === 'supported' && !s.changed && !s.withdrawn),
    partly: by((s) => s.verdict === 'partly_supported' && !s.changed && !s.withdrawn),
    bad: by((s) => (['unsupported', 'contradicted', 'uncited'].includes(s.verdict) || s.withdrawn) && !s.changed),
    changed: by((s) => s.changed),
  };
}
