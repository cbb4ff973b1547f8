import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { CatalogLoadError } from './catalog/catalog-issue';
import { loadCatalog } from './catalog/catalog.loader';
import { catalogSources } from './catalog/catalog-sources';
import { ConfigError, loadConfig } from './config/app-config';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { createValidationPipe } from './http/validation.pipe';
import { ensureRedis, RedisUnavailableError } from './redis/redis-bootstrap';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Boot');
  const config = loadConfig();
  if (config.integrations.length === 0 && config.role !== 'worker') {
    throw new ConfigError('no integrations: set INTEGRATIONS_FILE (see schemas/integrations.schema.json), or AUTH_DEV_MODE=true for a development key');
  }
  const catalog = loadCatalog(catalogSources(config));
  if (config.authDevMode) {
    logger.warn('*****************************************************************************');
    logger.warn('AUTH_DEV_MODE: the development API key "dev-key" (HMAC secret "dev-secret")');
    logger.warn('has every scope. Never run like this in production: set INTEGRATIONS_FILE.');
    logger.warn('*****************************************************************************');
  }
  logger.log(`role ${config.role}; journeys: ${catalog.listJourneys().map((j) => `${j.id}@${j.version}`).join(', ')}`);
  const redis = await ensureRedis(config.redisUrl, (line) => logger.warn(line));
  const module = AppModule.register({ config, redisUrl: redis.url, catalog });

  if (config.role === 'worker') {
    const app = await NestFactory.createApplicationContext(module, { bufferLogs: false });
    app.enableShutdownHooks();
    logger.log(`worker ready (redis ${redact(redis.url)}, prefix ${config.prefix})`);
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(module, { rawBody: true, bodyParser: true });
  // Base64 inflates by 4/3; leave room for a selfie, a reference and a document side at the limit.
  app.useBodyParser('json', { limit: Math.ceil(config.maxImageBytes * 1.4 * 4) + 1024 * 1024 });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  // Longer than common load-balancer idle timeouts (60 s), so a reused keep-alive connection is
  // never closed by us just as a client sends on it (the client would see EPIPE/ECONNRESET).
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  logger.log(`listening on http://${config.host}:${config.port} (redis ${redact(redis.url)}, prefix ${config.prefix})`);
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

bootstrap().catch((err: unknown) => {
  // One clear line for the errors an operator can fix; a stack for anything else.
  if (err instanceof CatalogLoadError || err instanceof ConfigError || err instanceof RedisUnavailableError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`boot failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  }
  process.exit(1);
});
