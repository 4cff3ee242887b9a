import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';

/** The organisation chart from a file, as the API previews and imports it. */
export interface ChartImport {
  units: Array<{ name: string; parent: string | null; row: number }>;
  people: Array<{ name: string; email: string; unit: string | null; roles: string[]; row: number }>;
  heads: Array<{ unit: string; email: string; row: number }>;
  existing: { units: string[]; emails: string[] };
  problems: Array<{ row: number; code: string; message: string; values: Record<string, string> }>;
  ignoredColumns: string[];
  created?: { units: number; people: number; heads: number };
}

function upload(file: File, dryRun: boolean): Promise<ChartImport> {
  const form = new FormData();
  form.append('file', file);
  return api<ChartImport>('POST', `/api/organisation/import${dryRun ? '?dryRun=true' : ''}`, form);
}

export function useChartImport() {
  const client = useQueryClient();
  const preview = useMutation({ mutationFn: (file: File) => upload(file, true) });
  const commit = useMutation({
    mutationFn: (file: File) => upload(file, false),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['units'] });
      void client.invalidateQueries({ queryKey: ['people'] });
    },
  });
  return { preview, commit };
}
