/** A refused request to Hotline, with its stable error code when the body carried one. */
export class HotlineRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Refresh this long before the access token runs out, so no request goes with an expired one. */
const REFRESH_MARGIN_MS = 30_000;

/** Hotline's REST API as a signed-in user sees it: the requests simulated people make. */
export class HotlineClient {
  private tokens?: SessionTokens;
  private expiresAt = 0;

  private constructor(readonly baseUrl: string) {}

  /** Signs in (`POST /api/auth/login`); the session is refreshed as its token nears expiry. */
  static async signIn(baseUrl: string, username: string, password: string): Promise<HotlineClient> {
    const client = new HotlineClient(baseUrl);
    client.keep(
      await client.send<SessionTokens>('POST', '/api/auth/login', { body: { username, password } }),
    );
    return client;
  }

  /** The bearer token, for the `/agent` socket's handshake. */
  async accessToken(): Promise<string> {
    if (!this.tokens) throw new Error('not signed in');
    if (Date.now() > this.expiresAt - REFRESH_MARGIN_MS) {
      const refreshToken = this.tokens.refreshToken;
      this.keep(await this.send<SessionTokens>('POST', '/api/auth/refresh', { body: { refreshToken } }));
    }
    return this.tokens.accessToken;
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    return this.send<T>(method, path, { body, token: await this.accessToken() });
  }

  private keep(tokens: SessionTokens): void {
    this.tokens = tokens;
    this.expiresAt = Date.now() + tokens.expiresIn * 1000;
  }

  private async send<T>(
    method: string,
    path: string,
    { body, token }: { body?: unknown; token?: string },
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      const code = parseCode(text);
      throw new HotlineRequestError(response.status, code, `${method} ${path}: ${response.status} ${text}`);
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

function parseCode(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { code?: unknown };
    return typeof parsed.code === 'string' ? parsed.code : undefined;
  } catch {
    return undefined;
  }
}
