import { Alert, Anchor, Button, Card, CloseButton, Fieldset, Group, List, Loader, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ASSESSMENTS, type Assessment } from '../../../../libs/domain/reporting/assessment';
import type { Occurrence, StatusReportDetail } from '../api';
import { AssessmentBadge, assessmentLabel } from '../components/AssessmentBadge';
import { ReturnedNote } from '../components/ReturnedNote';
import { ReportStateBadge } from '../components/RoundBadges';
import { StatusBadge } from '../components/StatusBadge';
import { errorText, formatDate } from '../format';
import { roundPeriodInWords } from '../schedule-words';
import { useStatusReport, useSubmitStatusReport } from '../resources/reporting';

/**
 * One status report (`/lagesrapporter/:id`, where Mina uppgifter and mail links lead): the owner
 * writes it here, the action's tasks of the period beside it; once submitted, or when the round is
 * frozen, it is shown as it was submitted. Built for a phone: one column, full-width fields.
 */
export function StatusReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useStatusReport(id);
  const [submitted, setSubmitted] = useState(false);
  if (report.error) return <Alert color="red" role="alert">{errorText(report.error)}</Alert>;
  const r = report.data;
  if (!r) return <Loader aria-label="…" />;
  const writable = r.roundStatus === 'open' && (r.state === 'missing' || r.state === 'returned');
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/uppgifter">{t('reporting.backToTasks')}</Anchor>
      <Title order={1}>{t('reporting.pageTitle', { action: r.actionTitle })}</Title>
      <Text>{t('reporting.periodText', { period: roundPeriodInWords(r) })}</Text>
      <Group gap="xs">
        <Text fw={700}>{t('reporting.dueBy', { date: formatDate(r.due) })}</Text>
        <ReportStateBadge state={r.state} />
      </Group>
      {submitted && <Alert color="green" role="status">{t('reporting.submitted')}</Alert>}
      {r.state === 'returned' && r.returned && <ReturnedNote returned={r.returned} />}
      <PeriodOccurrences occurrences={r.occurrences} />
      {writable ? <StatusReportForm report={r} onSubmitted={() => setSubmitted(true)} /> : <SubmittedReport report={r} />}
    </Stack>
  );
}

/** The action's tasks due in the period: what the owner reports on. */
function PeriodOccurrences({ occurrences }: { occurrences: Occurrence[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">{t('reporting.occurrences')}</Title>
      {occurrences.length === 0 ? (
        <Text size="sm">{t('reporting.noOccurrences')}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" ml={0} pl={0}>
          {occurrences.map((o) => (
            <List.Item key={o.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">{t('tasks.due', { date: formatDate(o.due) })}</Text>
                <StatusBadge status={o.status} />
                {o.completion && <Text size="sm">{[t('reporting.completedOn', { date: formatDate(o.completion.at) }), o.completion.note].filter(Boolean).join(' · ')}</Text>}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** What an address must be to count as evidence: a whole http(s) address, as the API accepts. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** As many evidence links as the API takes. */
const MAX_LINKS = 10;

/** Help and error texts under a field, darker than Mantine's own grey and red (WCAG AA contrast). */
const HELP = { description: { color: 'var(--mantine-color-gray-8)' }, error: { color: 'var(--mantine-color-red-8)' } };

interface Problems {
  assessment?: string;
  comment?: string;
  links: Record<number, string | undefined>;
}

/** The assessment on the scale in words, a comment, evidence links; a report sent back starts from what was submitted. */
function StatusReportForm({ report, onSubmitted }: { report: StatusReportDetail; onSubmitted(): void }) {
  const { t, i18n } = useTranslation();
  const [assessment, setAssessment] = useState<string>(report.assessment ?? '');
  const [comment, setComment] = useState(report.comment ?? '');
  const [links, setLinks] = useState<string[]>(report.links.length ? report.links : ['']);
  const [problems, setProblems] = useState<Problems>({ links: {} });
  const submit = useSubmitStatusReport(report.occurrenceId);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const given = links.map((l) => l.trim());
    const found: Problems = {
      assessment: assessment ? undefined : t('reporting.assessmentMissing'),
      comment: comment.trim() ? undefined : t('reporting.commentMissing'),
      links: Object.fromEntries(given.flatMap((link, i) => (link && !isWebAddress(link) ? [[i, t('reporting.linkInvalid')]] : []))),
    };
    setProblems(found);
    if (found.assessment || found.comment || Object.keys(found.links).length) return;
    submit.mutate({ assessment: assessment as Assessment, comment: comment.trim(), links: given.filter(Boolean) }, { onSuccess: onSubmitted });
  };
  // A field's problem goes as the field is changed; it is looked for again on the next submit.
  const setLink = (index: number, value: string) => {
    setLinks(links.map((l, i) => (i === index ? value : l)));
    setProblems({ ...problems, links: { ...problems.links, [index]: undefined } });
  };
  const removeLink = (index: number) => {
    setLinks(links.filter((_, i) => i !== index));
    setProblems({ ...problems, links: {} });
  };

  return (
    <form onSubmit={send} noValidate aria-label={t('reporting.report')}>
      <Stack>
        {submit.error && <Alert color="red" role="alert">{errorText(submit.error)}</Alert>}
        <Radio.Group label={t('reporting.assessment')} description={t('reporting.assessmentHelp')} styles={HELP} value={assessment} onChange={(value) => { setAssessment(value); setProblems({ ...problems, assessment: undefined }); }} withAsterisk error={problems.assessment}>
          <Stack gap="sm" mt="xs">
            {ASSESSMENTS.map((a) => (
              <Radio key={a} value={a} label={assessmentLabel(a, i18n.language)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea label={t('reporting.comment')} description={t('reporting.commentHelp')} styles={HELP} withAsterisk value={comment} onChange={(e) => { setComment(e.currentTarget.value); setProblems({ ...problems, comment: undefined }); }} error={problems.comment} autosize minRows={4} />
        <Fieldset legend={t('reporting.links')} variant="unstyled">
          <Stack gap="xs">
            {links.map((link, i) => (
              <TextInput
                key={i}
                label={t('reporting.link', { n: i + 1 })}
                type="url"
                inputMode="url"
                placeholder="https://"
                value={link}
                onChange={(e) => setLink(i, e.currentTarget.value)}
                error={problems.links[i]}
                styles={HELP}
                rightSectionPointerEvents="all"
                rightSection={<CloseButton aria-label={t('reporting.removeLink', { n: i + 1 })} onClick={() => removeLink(i)} />}
              />
            ))}
            {links.length < MAX_LINKS && (
              <Button variant="default" onClick={() => setLinks([...links, ''])} style={{ alignSelf: 'flex-start' }}>
                {t('reporting.addLink')}
              </Button>
            )}
          </Stack>
        </Fieldset>
        <Button type="submit" loading={submit.isPending} fullWidth>{t('reporting.submit')}</Button>
      </Stack>
    </form>
  );
}

/** A report as submitted (or not reported, when its round froze without it): nothing to change any more. */
function SubmittedReport({ report }: { report: StatusReportDetail }) {
  const { t } = useTranslation();
  if (report.state === 'not-reported') return <Alert color="gray">{t('reporting.notReported')}</Alert>;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h4">{t('reporting.report')}</Title>
        {report.assessment && (
          <Group gap="xs">
            <Text size="sm">{t('reporting.assessment')}:</Text>
            <AssessmentBadge assessment={report.assessment} />
          </Group>
        )}
        {report.comment && <Text style={{ whiteSpace: 'pre-wrap' }}>{report.comment}</Text>}
        {report.links.length > 0 && (
          <List size="sm">
            {report.links.map((link) => (
              <List.Item key={link}>
                <Anchor href={link} target="_blank" rel="noopener noreferrer">{link}</Anchor>
              </List.Item>
            ))}
          </List>
        )}
        {report.submittedAt && (
          <Text size="sm">
            {report.submittedOnBehalfOf
              ? t('reporting.submittedFor', { date: formatDate(report.submittedAt), name: report.submittedBy ?? '', owner: report.submittedOnBehalfOf })
              : t('reporting.submittedBy', { date: formatDate(report.submittedAt), name: report.submittedBy ?? '' })}
          </Text>
        )}
        {report.roundStatus !== 'open' && <Text size="sm">{t('reporting.closed')}</Text>}
      </Stack>
    </Card>
  );
}
