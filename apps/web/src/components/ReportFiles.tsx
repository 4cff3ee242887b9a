import { Button, Group, Modal } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDocument } from '../api';

/** The formats a frozen report is downloaded in, by the name people know them by. */
const DOWNLOADS = [
  { format: 'pdf', name: 'PDF' },
  { format: 'xlsx', name: 'Excel' },
  { format: 'docx', name: 'Word' },
] as const;

export interface ReportFiles {
  /** Reads the report as HTML and shows it in the page. */
  view(report: { key: string; title: string; draft?: boolean }): void;
  viewing(key: string, draft?: boolean): boolean;
  download(key: string, format: string): void;
  error: Error | null;
  /** The dialog that shows the report read; render it once. */
  viewer: ReactNode;
}

/**
 * A plan's board reports from the API (which wants the session's token, so they are fetched, not
 * linked): read in the page in a sandboxed frame, or saved as a file.
 */
export function useReportFiles(planId: string): ReportFiles {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<{ key: string; title: string; html: string } | null>(null);
  const path = (key: string, format: string, draft = false) =>
    `/api/plans/${encodeURIComponent(planId)}/reports/${encodeURIComponent(key)}?format=${format}&locale=${i18n.language}${draft ? '&draft=true' : ''}`;
  const view = useMutation({
    mutationFn: async ({ key, title, draft = false }: { key: string; title: string; draft?: boolean }) => ({ key, title, html: await (await apiDocument(path(key, 'html', draft))).blob.text() }),
    onSuccess: setShown,
  });
  const download = useMutation({
    mutationFn: async ({ key, format }: { key: string; format: string }) => {
      const { blob, filename } = await apiDocument(path(key, format));
      const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: filename });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000); // the browser reads it after the click
    },
  });
  return {
    view: (report) => view.mutate(report),
    viewing: (key, draft = false) => view.isPending && view.variables?.key === key && Boolean(view.variables.draft) === draft,
    download: (key, format) => download.mutate({ key, format }),
    error: view.error ?? download.error,
    viewer: (
      <Modal opened={shown !== null} onClose={() => setShown(null)} closeButtonProps={{ 'aria-label': t('organisation.close') }} title={shown?.title ?? ''} size="xl">
        {/* The report's own HTML, sandboxed: it is a document to read, not part of the app. */}
        {shown && <iframe title={shown.title} srcDoc={shown.html} sandbox="" style={{ width: '100%', height: '70vh', border: 0 }} />}
      </Modal>
    ),
  };
}

/** Read a frozen report here, or download it as PDF, Excel or Word; each button names the period. */
export function ReportFileButtons({ files, reportKey, period, title }: { files: ReportFiles; reportKey: string; period: string; title: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button size="xs" variant="light" aria-label={`${t('plan.view')}: ${period}`} onClick={() => files.view({ key: reportKey, title })} loading={files.viewing(reportKey)}>
        {t('plan.view')}
      </Button>
      {DOWNLOADS.map(({ format, name }) => (
        <Button key={format} size="xs" variant="default" aria-label={`${name}: ${period}`} onClick={() => files.download(reportKey, format)}>
          {name}
        </Button>
      ))}
    </Group>
  );
}
