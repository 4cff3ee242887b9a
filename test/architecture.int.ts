import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The dependency rules of ARCHITECTURE.md live in eslint.config.mjs. These cases prove that the
// rules bite (a rule with a wrong glob would silently allow everything) and that the tree obeys them.
const root = path.resolve(__dirname, '..');

interface LintResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; line: number; message: string }>;
}

// ESLint runs as its own process: its ESM config cannot be loaded inside jest's module sandbox.
function eslint(args: string[], input?: string): LintResult[] {
  const run = spawnSync(path.join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', ...args], { cwd: root, input, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = eslint(['--stdin', '--stdin-filename', path.join(root, file)], code);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function restrictedSyntax(file: string, code: string): Promise<string[]> {
  const [result] = eslint(['--stdin', '--stdin-filename', path.join(root, file)], code);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('architecture rules (lint)', () => {
  it.each([
    ['libs/domain/schedule/x.ts', "import { DataSource } from 'typeorm';"],
    ['libs/domain/schedule/x.ts', "import { loadConfig } from '../../config/config';"],
    ['libs/domain/schedule/x.ts', "import { readFileSync } from 'node:fs';"],
    ['libs/domain/x.ts', "import { Injectable } from '@nestjs/common';"],
    ['libs/domain/import/x.ts', "import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';"],
    ['libs/domain/import/x.ts', "import { readPdfText } from '../../pdf-reading';"],
    ['workflows/x.workflow.ts', "import { DataSource } from 'typeorm';"],
    ['workflows/x.workflow.ts', "import { Client } from '@temporalio/client';"],
    ['workflows/x.workflow.ts', "import { SystemActivitiesService } from '../apps/worker/activities/system.activities';"],
    ['apps/api/x.ts', "import { WorkerService } from '../worker/worker.service';"],
    ['apps/api/x.ts', "import { systemCheckWorkflow } from '../../workflows/system-check.workflow';"],
    ['apps/api/x.ts', "import { Worker } from '@temporalio/worker';"],
    ['libs/persistence/repositories/x.ts', "import { actionWorkflowId } from '../../../workflows/contracts/engine';"],
    ['libs/persistence/repositories/x.ts', "import { FollowUp } from '../../../apps/api/engine/follow-up';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['libs/domain/schedule/x.ts', "import { DateTime } from 'luxon';"],
    ['libs/pdf-reading/x.ts', "import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';"],
    ['workflows/x.workflow.ts', "import { sleep } from '@temporalio/workflow';"],
    ['workflows/x.workflow.ts', "import { DomainError } from '../libs/domain/errors';"],
    ['apps/api/x.ts', "import { SYSTEM_CHECK_WORKFLOW } from '../../workflows/contracts/system-check';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });

  it.each([
    ['apps/api/plans/x.service.ts', "export const f = (db: { query(sql: string): unknown }) => db.query('SELECT 1');"],
    ['apps/worker/activities/x.ts', "export const f = (m: { createQueryBuilder(): unknown }) => m.createQueryBuilder();"],
    ['libs/domain/x.ts', "export const f = (db: { query(sql: string): unknown }) => db.query('SELECT 1');"],
  ])('%s may not hold SQL: %s', async (file, code) => {
    expect(await restrictedSyntax(file, code)).not.toEqual([]);
  });

  it('a repository in libs/persistence may', async () => {
    expect(await restrictedSyntax('libs/persistence/repositories/x.ts', "export const f = (db: { query(sql: string): unknown }) => db.query('SELECT 1');")).toEqual([]);
  });

  it('the whole tree passes lint', async () => {
    const results = eslint(['.']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`));
    expect(errors).toEqual([]);
  }, 120_000);
});
