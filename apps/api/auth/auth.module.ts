import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';

@Module({
  controllers: [AuthController, OidcController],
  providers: [
    AuthService,
    OidcService,
    AdminBootstrapService,
    // One limiter per API process (its counters live in memory).
    { provide: LoginLimiter, useFactory: () => new LoginLimiter() },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
