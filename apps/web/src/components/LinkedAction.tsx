import { Alert, Anchor, Loader } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ACTION_PARAM, OCCURRENCE_ACTIONS, occurrenceActionOf, type OccurrenceAction } from '../../../../libs/domain/links/web-links';
import { useOccurrence } from '../resources/occurrences';
import { READABLE_ALERT_TITLE } from './readable-alert';

// An action link from a mail (/occurrences/:id?gora=klarmarkera, libs/domain/links) is resolved
// by OccurrenceLink to the page where its reader acts (/uppgifter or /eskaleringar), naming the
// occurrence and the action; that page opens the form for it, or says why it cannot.

/** The query parameter naming the occurrence a page should open a form for. */
const OCCURRENCE_PARAM = 'forekomst';

/** Where the reader of an action link takes that action: the owner's tasks or the escalation inbox. */
export function actionPageFor(occurrenceId: string, action: OccurrenceAction): string {
  const { as, param } = OCCURRENCE_ACTIONS[action];
  const page = as === 'owner' ? '/uppgifter' : '/eskaleringar';
  return `${page}?${new URLSearchParams({ [OCCURRENCE_PARAM]: occurrenceId, [ACTION_PARAM]: param })}`;
}

/** The occurrence and action the page was opened for, and how to forget them once handled (so closing the form does not reopen it). */
export function useLinkedAction(): { occurrenceId: string | null; action: OccurrenceAction | null; handled(): void } {
  const [search, setSearch] = useSearchParams();
  const occurrenceId = search.get(OCCURRENCE_PARAM);
  const action = occurrenceActionOf(search.get(ACTION_PARAM));
  const handled = useCallback(() => setSearch({}, { replace: true }), [setSearch]);
  return { occurrenceId: occurrenceId && action ? occurrenceId : null, action: occurrenceId ? action : null, handled };
}

/** Why a link's action cannot be taken here. */
export type Refusal = { occurrenceId: string; reason: 'notYours' | 'notEscalated' | 'notForThis' | 'alreadyAcknowledged'; date?: string };

const CLOSED = ['completed', 'skipped', 'cancelled'];

/** In words, with the occurrence's own state when it is closed already ("redan klar"), and a way to it. */
export function LinkRefusal({ refusal, onClose }: { refusal: Refusal; onClose(): void }) {
  const { t } = useTranslation();
  const occurrence = useOccurrence(refusal.occurrenceId);
  if (occurrence.isPending) return <Loader aria-label="…" size="sm" />;
  const data = occurrence.data;
  const text =
    data && CLOSED.includes(data.status) && refusal.reason !== 'alreadyAcknowledged'
      ? t('links.closed', { action: data.actionTitle, status: t(`status.${data.status}`).toLowerCase() })
      : t(`links.${refusal.reason}`, { date: refusal.date });
  return (
    <Alert color="yellow" role="alert" styles={READABLE_ALERT_TITLE} title={t('links.title')} withCloseButton closeButtonLabel={t('organisation.close')} onClose={onClose}>
      {text}
      {data && (
        <>
          {' '}
          <Anchor component={Link} fz="inherit" to={`/occurrences/${data.id}`}>{t('links.open', { action: data.actionTitle })}</Anchor>
        </>
      )}
    </Alert>
  );
}
