/** Sentences of a block, by the runtime's own sentence segmentation (Intl.Segmenter, ICU). */
const segmenters = new Map<string, Intl.Segmenter>();

export function sentencesOf(text: string, locale = 'sv'): string[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}
