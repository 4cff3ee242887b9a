import { useMutation } from '@tanstack/react-query';
import { call, client } from '../api';

/** One's own password, changed with the current one (POST /api/me/password). */
export function useChangePassword(onDone: () => void) {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) => call(client.POST('/api/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: onDone,
  });
}
