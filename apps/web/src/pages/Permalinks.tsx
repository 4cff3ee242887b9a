import { Alert, Loader } from '@mantine/core';
import { Navigate, useParams, useSearchParams } from 'react-router-dom';
import { ACTION_PARAM, occurrenceActionOf } from '../../../../libs/domain/links/web-links';
import { actionPageFor } from '../components/LinkedAction';
import { useOccurrence } from '../resources/occurrences';
import { errorText } from '../format';

// The stable paths that mail, calendar feeds and the in-app list link to (libs/domain/links),
// resolved to the screens that show them.

/**
 * An occurrence is shown on its action's page, scrolled to and marked; a status report on its own
 * page, where it is written. With an action (?gora=klarmarkera, from a mail) it opens where its
 * reader takes it, with the form for it ready.
 */
export function OccurrenceLink() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const action = occurrenceActionOf(search.get(ACTION_PARAM));
  if (action) return <Navigate to={actionPageFor(id, action)} replace />;
  return <ShownOccurrence id={id} />;
}

function ShownOccurrence({ id }: { id: string }) {
  const occurrence = useOccurrence(id);
  if (occurrence.error) return <Alert color="red" role="alert">{errorText(occurrence.error)}</Alert>;
  if (!occurrence.data) return <Loader aria-label="…" />;
  if (occurrence.data.kind === 'status-report') return <Navigate to={`/lagesrapporter/${occurrence.data.id}`} replace />;
  return <Navigate to={`/atgarder/${occurrence.data.actionId}#${occurrence.data.id}`} replace />;
}

export function ActionLink() {
  return <Navigate to={`/atgarder/${useParams().id}`} replace />;
}

export function PlanLink() {
  return <Navigate to={`/planer/${useParams().id}`} replace />;
}
