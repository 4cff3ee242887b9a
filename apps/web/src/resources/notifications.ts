import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, Schemas } from '../api';

/** The in-app notices, typed by the API's OpenAPI document; query keys in one place. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notification-preferences'] as const,
  calendarFeeds: ['calendar-feeds'] as const,
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

export type Preferences = Schemas['NotificationPreferencesResponse'];

/** Per kind of notice: by mail at once, in the daily digest, or only in the app; and the language of mail. */
export function usePreferences() {
  const queries = useQueryClient();
  const preferences = useQuery({ queryKey: notificationKeys.preferences, queryFn: () => call(client.GET('/api/me/notification-preferences')) });
  const save = useMutation({
    mutationFn: (change: Schemas['NotificationPreferencesDto']) => call(client.PUT('/api/me/notification-preferences', { body: change })),
    onSuccess: (saved) => queries.setQueryData(notificationKeys.preferences, saved),
  });
  return { preferences, save };
}

/** Secret calendar links: listed, created (the address shown once) and revoked. */
export function useCalendarFeeds() {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: notificationKeys.calendarFeeds });
  const feeds = useQuery({ queryKey: notificationKeys.calendarFeeds, queryFn: () => call(client.GET('/api/me/calendar-feeds')) });
  const create = useMutation({ mutationFn: (planId: string | null) => call(client.POST('/api/me/calendar-feeds', { body: planId ? { planId } : {} })), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (id: string) => call(client.DELETE('/api/me/calendar-feeds/{id}', { params: { path: { id } } })), onSuccess: refresh });
  return { feeds, create, revoke };
}
