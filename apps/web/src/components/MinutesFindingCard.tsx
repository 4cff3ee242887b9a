import { Badge, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MinutesFinding } from '../api';
import { useDirectory } from '../directory';
import { isNoOwnerWarning, minutesWarningInWords, placeInWords } from '../minutes-words';
import { OwnerPicker } from './OwnerPicker';

/** A finding as the coordinator leaves it: included or dropped, its title, due date (empty: continuous) and owners. */
export interface FindingDraft {
  include: boolean;
  title: string;
  due: string;
  owners: string[];
}

const KIND_COLOUR = { assignment: 'blue', decision: 'orange', openQuestion: 'grape' } as const;

/** One finding of the minutes: what it is, the sentence with the words that made it one, where, whose, by when; and its draft to edit. */
export function MinutesFindingCard({ finding, draft, onChange }: { finding: MinutesFinding; draft: FindingDraft; onChange: (next: FindingDraft) => void }) {
  const { t } = useTranslation();
  const question = finding.kind === 'openQuestion';
  return (
    <Card component="section" withBorder padding="md" aria-label={t('minutes.findingLabel', { number: finding.index + 1, title: finding.proposal.title })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge variant="light" color={KIND_COLOUR[finding.kind]} c="dark.9">{t(`minutes.kinds.${finding.kind}`)}</Badge>
            <Text fw={700}>{placeInWords(finding.place)}</Text>
          </Group>
          <Checkbox label={t('minutes.include')} checked={draft.include} onChange={(e) => onChange({ ...draft, include: e.currentTarget.checked })} />
        </Group>
        <Text component="blockquote" m={0} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-5)' }}>
          <Highlighted sentence={finding.sentence} words={finding.because.words} />
        </Text>
        {!question && <FindingOwner finding={finding} />}
        {draft.include ? (
          <FindingFields finding={finding} draft={draft} onChange={onChange} />
        ) : (
          <Text size="sm">{t('minutes.dropped')}</Text>
        )}
        {finding.warnings.filter((w) => !(isNoOwnerWarning(w) && draft.owners.length > 0)).map((warning, i) => (
          <Text key={i} size="sm" c="red.9">{minutesWarningInWords(warning)}</Text>
        ))}
      </Stack>
    </Card>
  );
}

/** The sentence with the words that made it a finding marked. */
function Highlighted({ sentence, words }: { sentence: string; words: string }) {
  const at = words ? sentence.toLowerCase().indexOf(words.toLowerCase()) : -1;
  if (at < 0) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{sentence.slice(at, at + words.length)}</mark>
      {sentence.slice(at + words.length)}
    </>
  );
}

/** The owner as the minutes write it, and whom it was matched to (or that nobody was). */
function FindingOwner({ finding }: { finding: MinutesFinding }) {
  const { t } = useTranslation();
  const { ownerNames } = useDirectory();
  const matched = ownerNames(finding.ownerMapping.unitIds, finding.ownerMapping.personIds);
  return (
    <Stack gap={2}>
      <Text size="sm">{finding.owner ? t('minutes.ownerWritten', { owner: finding.owner }) : t('minutes.noOwner')}</Text>
      {matched.length > 0 && <Text size="sm">{t('minutes.ownerMatched', { names: matched.join(', ') })}</Text>}
      {finding.ownerMapping.unmatched.length > 0 && <Text size="sm" c="red.9">{t('minutes.ownerUnmatched', { names: finding.ownerMapping.unmatched.join(', ') })}</Text>}
    </Stack>
  );
}

function FindingFields({ finding, draft, onChange }: { finding: MinutesFinding; draft: FindingDraft; onChange: (next: FindingDraft) => void }) {
  const { t } = useTranslation();
  const question = finding.kind === 'openQuestion';
  const hint = [finding.deadline && t('minutes.deadlineWritten', { words: finding.deadline.words }), t('minutes.dueHint')].filter(Boolean).join(' ');
  return (
    <Stack gap="xs">
      {question && <Text size="sm">{t('minutes.questionExplained')}</Text>}
      <Group align="flex-start" wrap="wrap">
        <TextInput label={question ? t('minutes.questionText') : t('minutes.actionTitle')} value={draft.title} onChange={(e) => onChange({ ...draft, title: e.currentTarget.value })} required style={{ flex: '2 1 16rem' }} />
        <TextInput
          type="date"
          label={t('minutes.due')}
          description={hint}
          value={draft.due}
          onChange={(e) => onChange({ ...draft, due: e.currentTarget.value })}
          styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
          style={{ flex: '1 1 10rem' }}
        />
      </Group>
      {!question && <OwnerPicker label={t('minutes.owners')} value={draft.owners} onChange={(owners) => onChange({ ...draft, owners })} />}
    </Stack>
  );
}
