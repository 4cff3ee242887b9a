import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

/** The unread count the menu shows; refreshed now and then, and after anything is read. */
export function useUnreadCount(): number {
  const unread = useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => api<{ unread: number }>('GET', '/api/notifications/unread-count'), refetchInterval: 30_000 });
  return unread.data?.unread ?? 0;
}
