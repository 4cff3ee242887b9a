import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BevakaConfig } from '../../libs/config/config';
import { projectRoot } from '../../libs/config/project-root';
import { ApiModule } from './api.module';
import { ErrorFilter } from './common/error.filter';
import { REQUEST_LIMITS } from './common/request-limits';
import { SafeInputPipe } from './common/safe-input.pipe';
import { securityHeaders } from './security-headers';

/** The configured HTTP app, shared by `start:api`, the embedded `npm start` and the e2e tests. */
export async function createApiApp(config: BevakaConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: config.logLevel === 'silent' ? false : undefined,
    bufferLogs: false,
    abortOnError: false, // throw instead of exiting the process: callers decide
  });
  // Behind a reverse proxy, the client's address (for the sign-in limits and the audit log)
  // comes from X-Forwarded-For, but only as far as BEVAKA_TRUST_PROXY trusts the proxies.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config.publicUrl));
  app.setGlobalPrefix('api', { exclude: ['health'] });
  // Registered before Nest's default parsers, which then stand aside: the same parsers, with our limit.
  app.useBodyParser('json', { limit: REQUEST_LIMITS.bodyBytes });
  app.useBodyParser('urlencoded', { limit: REQUEST_LIMITS.bodyBytes, extended: true });
  app.useGlobalPipes(new SafeInputPipe(), new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ErrorFilter());

  const openApi = new DocumentBuilder()
    .setTitle('Bevaka API')
    .setDescription('Durable follow-up of municipal action plans')
    .setVersion('0.1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });

  serveWebApp(app);
  // An idle keep-alive connection must outlive the client's own idle timeout (4 s in Node's fetch,
  // 60 s on most reverse proxies): with Node's 5 s, a busy server closed sockets just as a client
  // sent its next request on them ("other side closed"; a 502 behind a proxy).
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return app;
}

/**
 * The browser app from apps/web/dist (`npm run build:web`); its routes (/uppgifter, …) all answer
 * with index.html. Without a build, the placeholder page in apps/web/public says what to do.
 */
function serveWebApp(app: NestExpressApplication): void {
  const built = path.join(projectRoot(), 'apps', 'web', 'dist');
  const root = existsSync(path.join(built, 'index.html')) ? built : path.join(projectRoot(), 'apps', 'web', 'public');
  app.useStaticAssets(root, { index: 'index.html' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path.startsWith('/api') || request.path === '/health';
    if (request.method !== 'GET' || isApi || !request.accepts('html')) return next();
    response.sendFile(path.join(root, 'index.html'));
  });
}
