import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_LABELS, type Assessment } from '../../../../libs/domain/reporting/assessment';

/** The scale's words in the interface's language: the one definition is the domain's, which the board's report uses too. */
export function assessmentLabel(assessment: Assessment, language: string): string {
  return ASSESSMENT_LABELS[language === 'en' ? 'en' : 'sv'][assessment];
}

const COLOURS: Record<Assessment, string> = { completed: 'green', 'on-track': 'blue', 'at-risk': 'yellow', deviation: 'red', 'not-started': 'gray' };

/**
 * An owner's assessment as a badge with its words; colour only repeats them (WCAG: not by colour
 * alone). A deviation is filled, as the urgent states are elsewhere; light badges carry dark text.
 */
export function AssessmentBadge({ assessment }: { assessment: Assessment }) {
  const { i18n } = useTranslation();
  const urgent = assessment === 'deviation';
  return (
    <Badge color={COLOURS[assessment]} variant={urgent ? 'filled' : 'light'} c={urgent ? undefined : 'dark.9'} style={{ textTransform: 'none' }}>
      {assessmentLabel(assessment, i18n.language)}
    </Badge>
  );
}
