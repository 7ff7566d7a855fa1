import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';

/**
 * Serves the built web app on the API's own origin, with index.html for client-side routes.
 * Hashed assets are cached for a year; index.html is revalidated so a deploy shows at once.
 */
@Module({})
export class WebAppModule {
  static forRoot(webDist: string): DynamicModule {
    const rootPath = resolve(webDist);
    if (!existsSync(resolve(rootPath, 'index.html'))) return { module: WebAppModule };
    return {
      module: WebAppModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: ['/api/{*path}', '/metrics', '/socket.io/{*path}', '/yjs/{*path}', '/admin/{*path}'],
          serveStaticOptions: {
            setHeaders: (response: Response, path: string) => {
              const immutable = path.includes(`${rootPath}/assets/`) || path.includes(`${rootPath}/fonts/`);
              response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
            },
          },
        }),
      ],
    };
  }
}
