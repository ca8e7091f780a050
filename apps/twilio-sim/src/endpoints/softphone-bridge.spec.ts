import { io, Socket } from 'socket.io-client';
import { eventually } from '../testing/fake-application';
import { CALLER, HOTLINE, Harness, startHarness, twiml } from '../testing/sim-harness';
import { SOFTPHONE_NAMESPACE, SOFTPHONE_SOCKET_PATH } from './softphone-bridge';

describe('softphone bridge (socket.io)', () => {
  let h: Harness;
  let socket: Socket;
  beforeEach(async () => {
    h = await startHarness();
    socket = io(h.sim.url + SOFTPHONE_NAMESPACE, { path: SOFTPHONE_SOCKET_PATH, transports: ['websocket'] });
  });
  afterEach(async () => {
    socket.close();
    await h.close();
  });

  it('registers an identity, gets the incoming call, accepts, and hangs up', async () => {
    const registered = await socket.emitWithAck('register', 'dana');
    expect(registered).toEqual({ ok: true });
    const incoming: Array<{ callSid: string; from: string }> = [];
    const disconnected: string[] = [];
    socket.on('incoming', (call) => {
      incoming.push(call);
      socket.emit('accept', { callSid: call.callSid });
    });
    socket.on('disconnected', ({ callSid }) => disconnected.push(callSid));
    // At the harness's time scale Dial's default 30 s of ringing is 60 ms of real time, less than a
    // loaded machine may take to carry the offer to this socket and its accept back: ring for longer.
    h.app.on('/voice', twiml('<Dial action="/after" timeout="600"><Client>dana</Client></Dial>'));
    h.app.on('/after', twiml('<Hangup/>'));
    const customer = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    await eventually(() => customer.view().talkedTo.length === 1);
    expect(incoming[0].from).toBe(CALLER);
    socket.emit('hangup', { callSid: incoming[0].callSid });
    await customer.ended;
    await eventually(() => disconnected.length === 1);
    expect(disconnected).toEqual([incoming[0].callSid]);
    expect(h.app.requestsTo('/after')[0].params.DialCallStatus).toBe('completed');
  });

  it('a second registration of the same identity is refused', async () => {
    await socket.emitWithAck('register', 'erin');
    const again = await socket.emitWithAck('register', 'erin');
    expect(again.ok).toBe(false);
  });
});
