import { ConferenceRoom } from '../conferences/conference-room';
import { Participant } from '../conferences/participant';
import { SimServices } from '../execution/verb-context';
import { TwimlAttributes } from '../twiml/twiml-attributes';
import { textContent } from '../twiml/twiml-element';
import { parseTwiml } from '../twiml/twiml-parser';
import { validateTwiml } from '../twiml/twiml-schema';
import { HttpMethod } from '../webhooks/webhook-client';

/**
 * AnnounceUrl on a conference or participant: Twilio fetches the TwiML (Say, Play, Pause only) and
 * plays it over the room to the listeners, then sends announcement-end.
 */
export class AnnounceToConference {
  constructor(
    private readonly services: SimServices,
    private readonly track: (task: Promise<void>) => void,
  ) {}

  execute(room: ConferenceRoom, listeners: Participant[], url: string, method: HttpMethod): void {
    this.track(this.announce(room, listeners, url, method));
  }

  private async announce(room: ConferenceRoom, listeners: Participant[], url: string, method: HttpMethod) {
    const { webhooks, clock, timings } = this.services;
    const params = { AccountSid: room.accountSid, ConferenceSid: room.sid, FriendlyName: room.friendlyName };
    try {
      const response = await webhooks.send({ url, method, params, purpose: 'announce' });
      const root = parseTwiml(response.body, url);
      validateTwiml(root, 'announcement', url);
      for (const verb of root.children) {
        const attributes = new TwimlAttributes(verb, url);
        const text = textContent(verb);
        const loop = attributes.number('loop', 1);
        for (const p of listeners) {
          if (verb.name === 'Say') p.leg.record({ type: 'say', text, loop, context: 'announcement' });
          if (verb.name === 'Play') p.leg.record({ type: 'play', url: text, loop, context: 'announcement' });
        }
        const seconds =
          verb.name === 'Pause'
            ? attributes.number('length', 1)
            : verb.name === 'Play'
              ? timings.playSeconds * loop
              : (text.length / timings.sayCharsPerSecond) * loop;
        await clock.sleep(seconds);
      }
      room.announced();
    } catch (err) {
      for (const p of listeners) this.services.runner.report(p.leg, err);
    }
  }
}
