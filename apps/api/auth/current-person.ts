import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '../../../libs/domain/errors';

/** Who is calling, as the API's authentication guard puts it on the request. */
export interface CurrentPersonInfo {
  id: string;
  roles: string[];
  name: string;
  email: string;
  unitId: string | null;
}

/** The signed-in person; 401 when authentication did not identify anyone. */
export const CurrentPerson = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentPersonInfo => {
  const user = ctx.switchToHttp().getRequest<{ user?: CurrentPersonInfo }>().user;
  if (!user?.id) throw new DomainError('UNAUTHENTICATED', 'Sign in first (Authorization: Bearer <token>)');
  return user;
});
