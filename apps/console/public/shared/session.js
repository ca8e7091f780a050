// Hotline's sign-in as both console pages use it. Each page keeps its tokens under its own prefix in
// this tab's sessionStorage, so a wallboard and an agent desktop in one browser never share a user.
const storage = window.sessionStorage;

/** A JSON POST without a token; a body that is not JSON reads as {}. */
export async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { ok: response.ok, status: response.status, body: await response.json().catch(() => ({})) };
}

/** The sign-in form's submit: the login's response; the page checks the role and starts. */
export async function logIn(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  return post('/api/auth/login', {
    username: form.get('username'),
    password: form.get('password'),
  });
}

/** The session kept as `${prefix}.accessToken` and `${prefix}.refreshToken`. */
export function tabSession(prefix) {
  const accessKey = `${prefix}.accessToken`;
  const refreshKey = `${prefix}.refreshToken`;
  const save = (session) => {
    storage.setItem(accessKey, session.accessToken);
    storage.setItem(refreshKey, session.refreshToken);
  };
  return {
    save,
    accessToken: () => storage.getItem(accessKey),
    forget() {
      storage.removeItem(accessKey);
      storage.removeItem(refreshKey);
    },
    /** A new access token from the refresh token; false when the session is over. */
    async refresh() {
      const refreshToken = storage.getItem(refreshKey);
      if (!refreshToken) return false;
      const response = await post('/api/auth/refresh', { refreshToken });
      if (!response.ok) return false;
      save(response.body);
      return true;
    },
  };
}
