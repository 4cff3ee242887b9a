import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../../../libs/domain/errors';
import { AuthService } from './auth.service';
import type { CurrentPersonInfo } from './current-person';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

/**
 * The global guard: every route needs a valid bearer token unless it is @Public(); routes with
 * @Roles(...) also need one of those roles (admins pass all). Sets request.user for @CurrentPerson.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: CurrentPersonInfo; token?: string }>();
    const token = bearerToken(request);
    const person = token ? await this.auth.authenticate(token) : undefined;
    if (!person) throw new DomainError('UNAUTHENTICATED', 'Sign in first (Authorization: Bearer <token>); the session may have expired');
    request.user = person;
    request.token = token;
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !person.roles.some((r) => r === 'admin' || required.includes(r))) {
      throw new DomainError('FORBIDDEN', `This needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}

export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}
