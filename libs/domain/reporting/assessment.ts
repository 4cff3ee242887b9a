/**
 * The one scale on which an action's owners assess it in a reporting round (issue 13), as the
 * municipalities' follow-up systems do: a fixed set of judgements, always shown with its
 * words (never colour alone). Labels are the board's words in Swedish, and English
 * for the English interface.
 */
export const ASSESSMENTS = ['completed', 'on-track', 'at-risk', 'deviation', 'not-started'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ASSESSMENT_LABELS: Record<'sv' | 'en', Record<Assessment, string>> = {
  sv: { completed: 'Genomförd', 'on-track': 'Enligt plan', 'at-risk': 'Risk för avvikelse', deviation: 'Avvikelse', 'not-started': 'Ej påbörjad' },
  en: { completed: 'Completed', 'on-track': 'On track', 'at-risk': 'At risk of deviation', deviation: 'Deviation', 'not-started': 'Not started' },
};

export function isAssessment(value: unknown): value is Assessment {
  return typeof value === 'string' && (ASSESSMENTS as readonly string[]).includes(value);
}
