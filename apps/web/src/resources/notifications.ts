import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, Schemas } from '../api';

/** The in-app notices, typed by the API's OpenAPI document; query keys in one place. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** What a notice says, as the engine wrote it (the payload's fields that the app shows). */
export interface NoticePayload {
  actionTitle?: string;
  planTitle?: string;
  dueInstant?: string;
  step?: number;
  actorName?: string;
}

export type NotificationItem = Omit<Schemas['NotificationResponse'], 'payload'> & { payload: NoticePayload };

/** The unread count the menu shows; refreshed now and then, and after anything is read. */
export function useUnreadCount(): number {
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: () => call(client.GET('/api/notifications/unread-count')), refetchInterval: 30_000 });
  return unread.data?.unread ?? 0;
}

export function useNotifications() {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: notificationKeys.all });
  const list = useQuery({
    queryKey: notificationKeys.list,
    queryFn: async () => {
      const page = await call(client.GET('/api/notifications', { params: { query: { to: 'me', limit: 50 } } }));
      return { ...page, items: page.items as NotificationItem[] };
    },
  });
  const read = useMutation({ mutationFn: (id: string) => call(client.POST('/api/notifications/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => call(client.POST('/api/notifications/read-all')), onSuccess: refresh });
  return { list, read, readAll };
}
