import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'bevaka:public';

/** Open to anyone: the guard asks for no token (login, health, secret calendar URLs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
