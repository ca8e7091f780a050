import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { consoleDirectory } from '../monitor/wallboard-assets';

/** Twilio's Voice SDK as one browser script (global `Twilio.Device`), when the package is installed. */
function voiceSdkBundle(): string | null {
  try {
    return join(dirname(require.resolve('@twilio/voice-sdk')), '..', 'dist', 'twilio.min.js');
  } catch {
    return null;
  }
}

/**
 * Serves the agent desktop at /agent/ (plain files; everything it shows needs an agent's token)
 * and, for production softphones, the Voice SDK at /agent/voice-sdk.js.
 */
@Injectable()
export class AgentDeskAssets implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(fastifyStatic, {
      root: join(consoleDirectory(), 'agent'),
      prefix: '/agent/',
      decorateReply: false,
    });
    fastify.get('/agent', (_request, reply) => reply.redirect('/agent/'));
    const sdk = voiceSdkBundle();
    if (sdk) {
      fastify.get('/agent/voice-sdk.js', (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').send(createReadStream(sdk)),
      );
    }
  }
}
