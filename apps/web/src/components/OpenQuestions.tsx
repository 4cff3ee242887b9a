import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { OpenQuestion } from '../api';
import { ownersFromChoices } from '../directory';
import { errorText } from '../format';
import { meetingInWords, placeInWords } from '../minutes-words';
import { useAssignQuestion, useCloseQuestion, useOpenQuestions } from '../resources/minutes';
import { OwnerPicker } from './OwnerPicker';
import { ReasonDialog } from './ReasonDialog';

/**
 * The plan's balance list of open questions from minutes, each with its meeting and paragraph;
 * coordinators assign one (it becomes an action) or close it with a reason. Shown once there are any.
 */
export function OpenQuestions({ planId, coordinates }: { planId: string; coordinates: boolean }) {
  const { t } = useTranslation();
  const questions = useOpenQuestions(planId);
  // Linked to from the overview or the minutes wizard (#balanslista): scrolled to once it is read.
  const { hash } = useLocation();
  const list = useRef<HTMLDivElement>(null);
  const loaded = Boolean(questions.data?.length);
  useEffect(() => {
    if (hash === '#balanslista' && loaded) list.current?.scrollIntoView({ block: 'start' });
  }, [hash, loaded]);
  if (questions.error) return <Alert color="red" role="alert">{errorText(questions.error)}</Alert>;
  if (!questions.data?.length) return null;
  return (
    <Stack gap="xs" id="balanslista" ref={list}>
      <Title order={2} size="h3">{t('minutes.balance.title')}</Title>
      <Table.ScrollContainer minWidth={680}>
        <Table striped aria-label={t('minutes.balance.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('minutes.balance.question')}</Table.Th>
              <Table.Th scope="col">{t('minutes.balance.from')}</Table.Th>
              <Table.Th scope="col">{t('minutes.balance.state')}</Table.Th>
              {coordinates && <Table.Th scope="col">{t('minutes.balance.handle')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {questions.data.map((q) => <QuestionRow key={q.id} question={q} coordinates={coordinates} />)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function QuestionRow({ question, coordinates }: { question: OpenQuestion; coordinates: boolean }) {
  const { t } = useTranslation();
  const [assigning, setAssigning] = useState(false);
  const [closing, setClosing] = useState(false);
  const close = useCloseQuestion(question.id);
  return (
    <Table.Tr>
      <Table.Td>{question.question}</Table.Td>
      <Table.Td>{`${meetingInWords(question.meeting.title, question.meeting.date)}, ${placeInWords(question.place)}`}</Table.Td>
      <Table.Td>
        <QuestionState question={question} />
      </Table.Td>
      {coordinates && (
        <Table.Td>
          {question.status === 'open' && (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" aria-label={`${t('minutes.balance.assign')}: ${question.question}`} onClick={() => setAssigning(true)}>{t('minutes.balance.assign')}</Button>
              <Button size="xs" variant="default" aria-label={`${t('minutes.balance.close')}: ${question.question}`} onClick={() => setClosing(true)}>{t('minutes.balance.close')}</Button>
            </Group>
          )}
          <Modal opened={assigning} onClose={() => setAssigning(false)} title={t('minutes.balance.assignTitle', { question: question.question })} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
            <AssignForm question={question} onDone={() => setAssigning(false)} />
          </Modal>
          <ReasonDialog
            opened={closing}
            title={t('minutes.balance.closeTitle', { question: question.question })}
            description={t('minutes.balance.closeExplained')}
            confirm={t('minutes.balance.closeConfirm')}
            required
            pending={close.isPending}
            error={close.error}
            onConfirm={(reason) => close.mutate(reason, { onSuccess: () => setClosing(false) })}
            onClose={() => setClosing(false)}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Open; assigned, with a link to the action it became; or closed, with the reason. */
function QuestionState({ question }: { question: OpenQuestion }) {
  const { t } = useTranslation();
  if (question.status === 'assigned' && question.actionId) {
    return (
      <Text size="sm">
        {t('minutes.balance.status.assigned')} · <Anchor component={Link} to={`/atgarder/${question.actionId}`}>{t('minutes.balance.toAction')}</Anchor>
      </Text>
    );
  }
  if (question.status === 'closed') return <Text size="sm">{t('minutes.balance.closedBecause', { reason: question.closedReason ?? '' })}</Text>;
  return <Text size="sm">{t(`minutes.balance.status.${question.status}`)}</Text>;
}

/** Owners, and optionally the action's name and due date (empty: the question, continuous or the question's date). */
function AssignForm({ question, onDone }: { question: OpenQuestion; onDone: () => void }) {
  const { t } = useTranslation();
  const assign = useAssignQuestion(question.id);
  const [owners, setOwners] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(question.due ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(
      { ...ownersFromChoices(owners), ...(title.trim() ? { title: title.trim() } : {}), ...(due ? { schedule: { text: '', when: due } } : {}) },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('minutes.balance.assignExplained')}</Text>
        {assign.error ? <Alert color="red" role="alert">{errorText(assign.error)}</Alert> : null}
        <OwnerPicker label={t('minutes.owners')} value={owners} onChange={setOwners} />
        <TextInput label={t('minutes.balance.actionTitle')} description={t('minutes.balance.actionTitleHint')} placeholder={question.question} value={title} onChange={(e) => setTitle(e.currentTarget.value)} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
        <TextInput type="date" label={t('minutes.due')} description={t('minutes.dueHint')} value={due} onChange={(e) => setDue(e.currentTarget.value)} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('tasks.cancel')}</Button>
          <Button type="submit" loading={assign.isPending} disabled={owners.length === 0}>{t('minutes.balance.assign')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
