import { Alert, Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Round } from '../api';
import { errorText, formatDate } from '../format';
import { roundPeriodInWords } from '../schedule-words';
import { boardDecisionText } from '../reporting-words';
import { usePlanRounds } from '../resources/reporting';
import { RoundStatusBadge } from './RoundBadges';

/**
 * "Återrapportering": the plan's reporting rounds, newest first, with how far each has come and
 * how the board handled it. Coordinators follow a round from here on its own page.
 */
export function RoundHistory({ planId, coordinates }: { planId: string; coordinates: boolean }) {
  const { t } = useTranslation();
  const rounds = usePlanRounds(planId);
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h3">{t('reporting.rounds')}</Title>
        {rounds.error && <Alert color="red" role="alert">{errorText(rounds.error)}</Alert>}
        {rounds.data?.length === 0 && <Text>{t('reporting.noRounds')}</Text>}
        {rounds.data && rounds.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('reporting.rounds')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.period')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.status')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.deadline')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.progress')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rounds.data.map((round) => (
                  <RoundRow key={round.periodKey} round={round} planId={planId} linked={coordinates} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

function RoundRow({ round, planId, linked }: { round: Round; planId: string; linked: boolean }) {
  const { t } = useTranslation();
  const { submitted, total } = round.progress.overall;
  return (
    <Table.Tr>
      <Table.Td>
        {linked ? (
          <Anchor component={Link} to={`/planer/${planId}/rapportering/${encodeURIComponent(round.periodKey)}`} aria-label={t('reporting.openRound', { period: roundPeriodInWords(round) })}>
            {roundPeriodInWords(round)}
          </Anchor>
        ) : (
          roundPeriodInWords(round)
        )}
      </Table.Td>
      <Table.Td><RoundStatusBadge status={round.status} /></Table.Td>
      <Table.Td>{formatDate(round.deadline)}</Table.Td>
      <Table.Td>{t('reporting.progressOf', { submitted, total })}</Table.Td>
      <Table.Td>{round.boardDecision ? boardDecisionText(round.boardDecision) : t('reporting.notHandled')}</Table.Td>
    </Table.Tr>
  );
}
