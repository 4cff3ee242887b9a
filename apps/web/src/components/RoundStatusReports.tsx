import { Alert, Anchor, Button, Card, Group, List, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RoundDetail, StatusReport } from '../api';
import { errorText, formatDate } from '../format';
import { useReturnStatusReport } from '../resources/reporting';
import { AssessmentBadge } from './AssessmentBadge';
import { ReportStateBadge } from './RoundBadges';

/** Help and error texts under a field, darker than Mantine's own grey and red (WCAG AA contrast). */
const HELP = { description: { color: 'var(--mantine-color-gray-8)' }, error: { color: 'var(--mantine-color-red-8)' } };

/** Every action's status report, area by area, with what its owners wrote; a submitted one may be sent back while the round is open. */
export function RoundStatusReports({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState<StatusReport | null>(null);
  const areas = [...new Set(round.statusReports.map((r) => r.area))];
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Title order={2} size="h3">{t('reporting.reports')}</Title>
        {areas.map((area) => (
          <Stack key={area} gap="xs">
            <Title order={3} size="h4">{area || t('reporting.noArea')}</Title>
            <ReportTable reports={round.statusReports.filter((r) => r.area === area)} onReturn={round.status === 'open' ? setReturning : undefined} />
          </Stack>
        ))}
      </Stack>
      <Modal opened={returning !== null} onClose={() => setReturning(null)} closeButtonProps={{ 'aria-label': t('organisation.close') }} title={returning ? t('reporting.sendBackTitle', { title: returning.actionTitle }) : ''}>
        {returning && <ReturnForm round={round} report={returning} onDone={() => setReturning(null)} />}
      </Modal>
    </Card>
  );
}

function ReportTable({ reports, onReturn }: { reports: StatusReport[]; onReturn?: (report: StatusReport) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reporting.action')}</Table.Th>
            <Table.Th scope="col">{t('reporting.owners')}</Table.Th>
            <Table.Th scope="col">{t('reporting.status')}</Table.Th>
            <Table.Th scope="col">{t('reporting.report')}</Table.Th>
            {onReturn && <Table.Th scope="col">{t('workbench.change')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((report) => (
            <Table.Tr key={report.occurrenceId}>
              <Table.Td><Anchor component={Link} to={`/atgarder/${report.actionId}`}>{report.actionTitle}</Anchor></Table.Td>
              <Table.Td>{[report.owners.join(', '), report.unit].filter(Boolean).join(' · ') || '–'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ReportStateBadge state={report.state} />
                {report.state !== 'submitted' && <Text size="xs">{t('reporting.dueBy', { date: formatDate(report.due) })}</Text>}
              </Table.Td>
              <Table.Td><ReportContent report={report} /></Table.Td>
              {onReturn && (
                <Table.Td>
                  {report.state === 'submitted' && (
                    <Button size="xs" variant="default" onClick={() => onReturn(report)} aria-label={t('reporting.sendBackFor', { title: report.actionTitle })}>
                      {t('reporting.sendBack')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What the owners wrote: the assessment in words, the comment, the evidence, who submitted it; and a note it was sent back with. */
function ReportContent({ report }: { report: StatusReport }) {
  const { t } = useTranslation();
  if (!report.assessment && !report.returned) return <Text size="sm">{t('reporting.noReport')}</Text>;
  return (
    <Stack gap={4} align="flex-start">
      {report.assessment && <AssessmentBadge assessment={report.assessment} />}
      {report.comment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{report.comment}</Text>}
      {report.links.length > 0 && (
        <List size="sm">
          {report.links.map((link) => (
            <List.Item key={link}><Anchor href={link} target="_blank" rel="noopener noreferrer">{link}</Anchor></List.Item>
          ))}
        </List>
      )}
      {report.submittedAt && <Text size="xs">{t('reporting.submittedBy', { date: formatDate(report.submittedAt), name: report.submittedBy ?? '' })}</Text>}
      {report.returned && <Text size="xs" fs="italic">{t('reporting.sentBack', { note: report.returned.note })}</Text>}
    </Stack>
  );
}

/** Sends a report back with the note its owners will read first. */
function ReturnForm({ round, report, onDone }: { round: RoundDetail; report: StatusReport; onDone(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [blank, setBlank] = useState(false);
  const sendBack = useReturnStatusReport(round.planId, round.periodKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBlank(!note.trim());
    if (note.trim()) sendBack.mutate({ occurrenceId: report.occurrenceId, note: note.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {sendBack.error && <Alert color="red" role="alert">{errorText(sendBack.error)}</Alert>}
        <Textarea label={t('reporting.sendBackNote')} description={t('reporting.sendBackHelp')} styles={HELP} required value={note} onChange={(e) => setNote(e.currentTarget.value)} error={blank ? t('reporting.noteMissing') : undefined} autosize minRows={3} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('tasks.cancel')}</Button>
          <Button type="submit" loading={sendBack.isPending}>{t('reporting.sendBack')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
