import path from 'node:path';
import { Injectable, Logger, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { DomainError, DomainErrorCode, ErrorDetail } from '../../../libs/domain/errors';
import type { PlanDocument, PlanImportOptions, PlanImportPreview, ScheduleCorrection } from '../../../libs/domain/import';
import type { MinutesReading, ReadMinutesOptions } from '../../../libs/domain/minutes';
import { BoundedWorkerPool, TaskFailed } from '../common/bounded-worker-pool';

export interface PlanParseInput {
  document: PlanDocument;
  options: PlanImportOptions;
  corrections: ScheduleCorrection[];
}

/** A table that is not a plan (the organisation chart): its rows' cell texts, first sheet only. */
export interface TableReadInput {
  table: PlanDocument;
}

/** Minutes (issue 15): their text, read into findings. */
export interface MinutesReadInput {
  minutes: PlanDocument;
  options: ReadMinutesOptions;
}

/** What was read of minutes: the reading and a digest of their text (the same minutes twice are one meeting). */
export interface MinutesRead {
  reading: MinutesReading;
  textSha256: string;
}

export type DocumentTask = PlanParseInput | TableReadInput | MinutesReadInput;
export type TableRows = Array<{ cells: string[]; row: number }>;

/** How much one import's reading may cost, and how many are read at once (README "Limits"). */
export const PLAN_PARSING = {
  deadlineMs: 30_000,
  heapMb: 256,
  atOnce: 2,
  waiting: 4,
};

/**
 * Plan documents are read in worker threads (BoundedWorkerPool): an upload that would need more
 * memory or time than PLAN_PARSING allows fails its own request with IMPORT_TOO_COMPLEX, and the
 * API (and, under `npm start`, nothing else) notices nothing but the refusal.
 */
@Injectable()
export class PlanParser implements OnModuleDestroy {
  private readonly logger = new Logger(PlanParser.name);
  private readonly pool = new BoundedWorkerPool<DocumentTask, PlanImportPreview | TableRows | MinutesRead>({
    script: path.join(__dirname, `plan-parse.worker${path.extname(__filename)}`),
    size: PLAN_PARSING.atOnce,
    queue: PLAN_PARSING.waiting,
    deadlineMs: PLAN_PARSING.deadlineMs,
    heapMb: PLAN_PARSING.heapMb,
  });

  async parse(input: PlanParseInput): Promise<PlanImportPreview> {
    return (await this.run(input)) as PlanImportPreview;
  }

  /** The rows of a table document, read within the same limits as a plan. */
  async readTable(table: PlanDocument): Promise<TableRows> {
    return (await this.run({ table })) as TableRows;
  }

  /** Minutes read into findings, within the same limits as a plan. */
  async readMinutes(minutes: PlanDocument, options: ReadMinutesOptions): Promise<MinutesRead> {
    return (await this.run({ minutes, options })) as MinutesRead;
  }

  private async run(task: DocumentTask): Promise<PlanImportPreview | TableRows | MinutesRead> {
    try {
      return await this.pool.run(task);
    } catch (error) {
      throw this.translate(error);
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }

  private translate(error: unknown): Error {
    if (!(error instanceof TaskFailed)) return error as Error;
    const { failure } = error;
    switch (failure.kind) {
      case 'thrown': {
        const { code, details } = failure.error.properties as { code?: DomainErrorCode; details?: ErrorDetail[] };
        if (failure.error.name === 'DomainError' && code) return new DomainError(code, failure.error.message, details ?? []);
        // A parser that throws on a document is a bug to fix, but the document is what it choked on.
        this.logger.warn(`Reading a plan document failed: ${failure.error.stack ?? failure.error.message}`);
        return new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'The file could not be read', [{ path: 'file', message: failure.error.message }]);
      }
      case 'deadline':
        return tooComplex(`Reading the file took longer than ${PLAN_PARSING.deadlineMs / 1000} s`);
      case 'memory':
        return tooComplex(`Reading the file needed more than ${PLAN_PARSING.heapMb} MB of memory`);
      case 'crashed':
        this.logger.warn(`A plan parser thread stopped: ${failure.message}`);
        return tooComplex('Reading the file stopped before it was done');
      case 'busy':
        return new ServiceUnavailableException('Other plans are being read right now; try again in a minute');
    }
  }
}

function tooComplex(message: string): DomainError {
  return new DomainError('IMPORT_TOO_COMPLEX', `${message}: split the plan or save it as CSV`, [{ path: 'file', message }]);
}
