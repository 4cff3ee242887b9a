import { HttpException, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { IdempotencyKeyRepository, IdempotentRequest, StoredAnswer } from '../../../libs/persistence/repositories/idempotency-key.repository';
import { httpStatusFor } from '../common/error-codes';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_TTL_HOURS } from './idempotency-key.decorator';

/** A retry that finds the first request still answering waits this long for its final answer. */
const FIRST_ANSWER_WAIT_MS = 15_000;
const POLL_MS = 100;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * What a service does with a request's idempotency key, inside the transaction of its change:
 * `take` first (a concurrent request with the same key waits here, then replays), `committed`
 * last, with the answer as of the commit (a retry gets it should this process die before
 * answering).
 */
export interface IdempotencyClaim {
  take(db: EntityManager): Promise<void>;
  committed(db: EntityManager, body: unknown): Promise<void>;
}

class KeyTakenError extends Error {}

class Claim implements IdempotencyClaim {
  /** The change and its key were written in a transaction that reached its end. */
  saved = false;

  constructor(
    private readonly request: IdempotentRequest,
    private readonly status: number,
  ) {}

  async take(db: EntityManager): Promise<void> {
    if (!(await new IdempotencyKeyRepository(db).take(this.request, IDEMPOTENCY_KEY_TTL_HOURS * 3600))) throw new KeyTakenError();
  }

  async committed(db: EntityManager, body: unknown): Promise<void> {
    await new IdempotencyKeyRepository(db).answer(this.request.personId, this.request.key, { status: this.status, body }, false);
    this.saved = true;
  }
}

/**
 * Idempotency-Key for requests that create or change something (IETF draft
 * "The Idempotency-Key HTTP Header Field"): the first request with a key does the work and its
 * answer is stored with the change; a retry with the same key, person and request gets that answer
 * without doing anything; the same key for a different request is refused. Errors before the
 * change committed are not stored (nothing happened, so the retry runs anew).
 */
@Injectable()
export class Idempotency implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Idempotency.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.keys().pruneExpired().catch((error) => this.logger.warn(`pruning expired keys failed: ${error}`)), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * Runs `work` once per key. `response` is the route's (its status is already the route's own);
   * a replay sets the stored status and returns the stored body.
   */
  async run<T>(request: IdempotentRequest | undefined, response: Response, work: (claim?: IdempotencyClaim) => Promise<T>): Promise<T | unknown> {
    if (!request) return work();
    const earlier = await this.earlier(request);
    if (earlier) return replay(response, earlier);
    const claim = new Claim(request, response.statusCode);
    try {
      const body = await work(claim);
      if (claim.saved) await this.keys().answer(request.personId, request.key, { status: response.statusCode, body }, true);
      return body;
    } catch (error) {
      if (error instanceof KeyTakenError) return replay(response, (await this.earlier(request)) ?? inProgress());
      // Refused after the change was saved (the engine said no): that is the answer from now on.
      if (claim.saved && error instanceof DomainError) await this.keys().answer(request.personId, request.key, domainAnswer(error), true);
      throw error;
    }
  }

  /** The answer of an earlier request with this key; waits while that one is still answering. */
  private async earlier(request: IdempotentRequest): Promise<StoredAnswer | undefined> {
    const deadline = Date.now() + FIRST_ANSWER_WAIT_MS;
    for (;;) {
      const found = await this.keys().find(request.personId, request.key);
      if (!found) return undefined;
      if (found.method !== request.method || found.path !== request.path || found.requestHash !== request.requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', `This ${IDEMPOTENCY_KEY_HEADER} was used for another request (${found.method} ${found.path}); use a new key for a new request`, [
          { path: IDEMPOTENCY_KEY_HEADER, message: 'used before with another method, path or body' },
        ]);
      }
      const firstGaveUp = Date.now() - found.createdAt.getTime() > FIRST_ANSWER_WAIT_MS;
      if (found.completed || firstGaveUp || Date.now() > deadline) return found.answer ?? inProgress();
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private keys(): IdempotencyKeyRepository {
    return new IdempotencyKeyRepository(this.dataSource.manager);
  }
}

function replay(response: Response, answer: StoredAnswer): unknown {
  if (answer.status >= 400) throw new HttpException(answer.body as object, answer.status);
  response.status(answer.status);
  return answer.body;
}

function domainAnswer(error: DomainError): StoredAnswer {
  return { status: httpStatusFor(error.code), body: { error: { code: error.code, message: error.message, details: error.details } } };
}

function inProgress(): never {
  throw new DomainError('CONFLICT', `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being carried out; send it again in a moment`);
}
