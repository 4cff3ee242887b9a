import { Alert, Anchor, Button, Card, FileInput, Group, List, Progress, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { MinutesFinding, MinutesReading } from '../api';
import { FindingDraft, MinutesFindingCard } from '../components/MinutesFindingCard';
import { ownerChoices } from '../components/OwnerPicker';
import { ownersFromChoices } from '../directory';
import { minutesErrorText, minutesWarningInWords } from '../minutes-words';
import { MinutesChoice, MinutesInput, useMinutesCommit, useMinutesPreview } from '../resources/minutes';
import { usePlan } from '../resources/plans';

/**
 * Minutes into a plan: paste or upload, see every finding as read (the words that made it one
 * marked), accept, edit or drop each, then create. Nothing is written before "Skapa åtgärder".
 */
export function MinutesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [drafts, setDrafts] = useState<Record<number, FindingDraft>>({});
  const [missing, setMissing] = useState(false);
  const preview = useMinutesPreview(id);
  const commit = useMinutesCommit(id);
  const input: MinutesInput = { text, file, title };
  const changed = () => {
    preview.reset();
    commit.reset();
  };
  const read = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!file && !text.trim());
    if (!file && !text.trim()) return;
    preview.mutate(input, {
      onSuccess: (reading) => {
        setDrafts(Object.fromEntries(reading.findings.map((f) => [f.index, draftOf(f)])));
        if (!title.trim()) setTitle(reading.meeting.title);
      },
    });
  };
  const reading = preview.data;
  const error = preview.error ?? commit.error;

  if (commit.data) return <MinutesCreated planId={id} planTitle={plan.data?.title ?? ''} result={commit.data} />;
  return (
    <Stack>
      {plan.data && <Text><Anchor component={Link} to={`/planer/${id}`}>{plan.data.title}</Anchor></Text>}
      <Title order={1}>{t('minutes.title')}</Title>
      <Text>{t('minutes.intro')}</Text>
      <Card withBorder padding="md">
        <form onSubmit={read} aria-label={t('minutes.title')}>
          <Stack>
            <Textarea label={t('minutes.text')} value={text} onChange={(e) => { setText(e.currentTarget.value); changed(); }} autosize minRows={6} maxRows={18} disabled={Boolean(file)} />
            <FileInput
              label={t('minutes.file')}
              description={t('minutes.formats')}
              value={file}
              onChange={(f) => { setFile(f); changed(); }}
              accept=".txt,.md,.docx"
              clearable
              clearButtonProps={{ 'aria-label': t('minutes.clearFile') }}
              styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
            />
            <TextInput label={t('minutes.meetingName')} description={t('minutes.meetingNameHint')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
            {missing && <Alert color="red" role="alert">{t('minutes.errors.empty')}</Alert>}
            <Group>
              <Button type="submit" loading={preview.isPending}>{t('minutes.preview')}</Button>
            </Group>
            {preview.isPending && <Progress value={100} animated aria-label={t('minutes.working')} />}
          </Stack>
        </form>
      </Card>
      {error && <Alert color="red" role="alert">{minutesErrorText(error)}</Alert>}
      {reading && (
        <Findings
          name={title.trim() || reading.meeting.title}
          reading={reading}
          drafts={drafts}
          onChange={(index, draft) => setDrafts({ ...drafts, [index]: draft })}
          pending={commit.isPending}
          onCreate={() => commit.mutate({ input, choices: choicesOf(reading.findings, drafts) })}
        />
      )}
    </Stack>
  );
}

function Findings(props: { name: string; reading: MinutesReading; drafts: Record<number, FindingDraft>; onChange: (index: number, draft: FindingDraft) => void; pending: boolean; onCreate: () => void }) {
  const { t } = useTranslation();
  const { reading, drafts } = props;
  const included = reading.findings.filter((f) => drafts[f.index]?.include);
  const questions = included.filter((f) => f.kind === 'openQuestion').length;
  return (
    <Stack>
      <Title order={2} size="h3">{props.name}</Title>
      <Text>
        {[t('minutes.meetingDate', { date: reading.meeting.date ?? t('minutes.notGiven') }), t('minutes.nextMeeting', { date: reading.meeting.nextMeetingDate ?? t('minutes.notGiven') })].join(' · ')}
      </Text>
      {reading.attendees.length > 0 && <Text size="sm">{t('minutes.attendees', { names: reading.attendees.join(', ') })}</Text>}
      {reading.warnings.map((w, i) => <Alert key={i} color="yellow">{minutesWarningInWords(w)}</Alert>)}
      <Text>{reading.findings.length ? t('minutes.found', { count: reading.findings.length }) : t('minutes.noFindings')}</Text>
      {reading.findings.map((finding) => drafts[finding.index] && (
        <MinutesFindingCard key={finding.index} finding={finding} draft={drafts[finding.index]} onChange={(draft) => props.onChange(finding.index, draft)} />
      ))}
      {reading.findings.length > 0 && (
        <Group>
          <Text>{t('minutes.plan', { actions: t('minutes.actions', { count: included.length - questions }), questions: t('minutes.questions', { count: questions }) })}</Text>
          <Button onClick={props.onCreate} loading={props.pending} disabled={included.length === 0}>{t('minutes.create')}</Button>
        </Group>
      )}
    </Stack>
  );
}

/** What the commit created: links to the actions, and the questions now on the balance list. */
function MinutesCreated({ planId, planTitle, result }: { planId: string; planTitle: string; result: MinutesReading }) {
  const { t } = useTranslation();
  const actions = result.actions ?? [];
  const questions = result.questions ?? [];
  return (
    <Stack>
      <Title order={1}>{t('minutes.title')}</Title>
      <Alert color="green" role="status">
        {t('minutes.created', { actions: t('minutes.actions', { count: actions.length }), area: result.meeting.title, questions: t('minutes.questions', { count: questions.length }) })}
      </Alert>
      {result.followUp === 'pending' && <Alert color="yellow">{t('minutes.pending')}</Alert>}
      {actions.length > 0 && (
        <>
          <Title order={2} size="h3">{t('minutes.createdActions')}</Title>
          <List aria-label={t('minutes.createdActions')}>
            {actions.map((a) => <List.Item key={a.id}><Anchor component={Link} to={`/atgarder/${a.id}`}>{a.title}</Anchor></List.Item>)}
          </List>
        </>
      )}
      {questions.length > 0 && (
        <>
          <Title order={2} size="h3">{t('minutes.createdQuestions')}</Title>
          <List aria-label={t('minutes.createdQuestions')}>
            {questions.map((q) => <List.Item key={q.id}>{q.question}</List.Item>)}
          </List>
          <Text><Anchor component={Link} to={`/planer/${planId}#balanslista`}>{t('minutes.toBalanceList')}</Anchor></Text>
        </>
      )}
      <Group>
        <Button component={Link} to={`/planer/${planId}`} variant="default">{t('minutes.toPlan', { title: planTitle })}</Button>
      </Group>
    </Stack>
  );
}

/** A finding as proposed: included, its title and due date, the owners it was matched to. */
function draftOf(finding: MinutesFinding): FindingDraft {
  return { include: true, title: finding.proposal.title, due: finding.proposal.due ?? '', owners: ownerChoices(finding.ownerMapping) };
}

/** What the coordinator changed, finding by finding; the rest are accepted as proposed. */
export function choicesOf(findings: readonly MinutesFinding[], drafts: Record<number, FindingDraft>): MinutesChoice[] {
  return findings.flatMap((finding) => {
    const draft = drafts[finding.index];
    if (!draft) return [];
    if (!draft.include) return [{ index: finding.index, drop: true }];
    const choice: MinutesChoice = { index: finding.index };
    const title = draft.title.trim();
    if (title && title !== finding.proposal.title) choice.title = title;
    const due = draft.due || null;
    if (due !== finding.proposal.due) choice.due = due;
    const proposed = ownerChoices(finding.ownerMapping);
    if (draft.owners.length !== proposed.length || draft.owners.some((o) => !proposed.includes(o))) Object.assign(choice, ownersFromChoices(draft.owners));
    return Object.keys(choice).length > 1 ? [choice] : [];
  });
}
