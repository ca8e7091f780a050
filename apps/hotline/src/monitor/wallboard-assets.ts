import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PUBLIC_DIR = join('apps', 'console', 'public');

/**
 * The console's files: the nearest apps/console/public above this file. From source that is the
 * repository's; from a build it is the copy beside dist/apps/hotline (the build's asset rule), or
 * the repository's when dist/ sits inside a checkout.
 */
export function consoleDirectory(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, PUBLIC_DIR);
    if (existsSync(join(candidate, 'wallboard', 'index.html'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${PUBLIC_DIR} not found above ${start}`);
  }
}

/**
 * Serves the wallboard at /wallboard/ and the console pages' shared files at /console-shared/ (plain
 * files, no sign-in needed to load them; data needs a token).
 */
@Injectable()
export class WallboardAssets implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(fastifyStatic, {
      root: join(consoleDirectory(), 'wallboard'),
      prefix: '/wallboard/',
      decorateReply: false,
    });
    fastify.get('/wallboard', (_request, reply) => reply.redirect('/wallboard/'));
    // What the wallboard and the agent desktop (/agent/) both load: sign-in, page helpers, base styles.
    await fastify.register(fastifyStatic, {
      root: join(consoleDirectory(), 'shared'),
      prefix: '/console-shared/',
      decorateReply: false,
    });
  }
}
