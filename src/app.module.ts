import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, CoreOptions } from './core.module';
import { WorkerModule } from './execution/worker.module';
import { ApiModule } from './http/api.module';

/** One codebase, three roles: `all` (default), `api` (HTTP + producers), `worker` (step processors). */
@Module({})
export class AppModule {
  static register(options: CoreOptions): DynamicModule {
    const { role } = options.config;
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        ...(role === 'worker' ? [] : [ApiModule]),
        ...(role === 'api' ? [] : [WorkerModule.register(options.config)]),
      ],
    };
  }
}
