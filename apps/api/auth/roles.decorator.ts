import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../libs/persistence/entities/person.entity';

export const REQUIRED_ROLES = 'bevaka:roles';

/** Only people with one of these roles (admins always pass). Without it: any signed-in person. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
