import { Injectable } from '@nestjs/common';
import { WEBHOOK_PATHS } from '@hotline/contracts';
import { Settings } from '../config/settings';

type WebhookName = keyof typeof WEBHOOK_PATHS;

/** Absolute URLs of Hotline's webhooks, as Twilio must call them (and as their signatures are computed). */
@Injectable()
export class WebhookUrls {
  private readonly base: string;

  constructor(settings: Settings) {
    this.base = settings.env.publicBaseUrl;
  }

  to(name: WebhookName, query?: Record<string, string>): string {
    const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    return `${this.base}${WEBHOOK_PATHS[name]}${search}`;
  }

  holdMusic(): string {
    return `${this.base}/audio/hold.wav`;
  }
}
