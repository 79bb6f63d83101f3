// Fetches JSON from the dashboard's API; a 401 (token required) swaps the page for the login form.
export class Unauthorized extends Error {}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    showLogin();
    throw new Unauthorized('token required');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body?.detail ?? body?.title ?? `${path}: HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

let loginShown = false;

// POST /login with the token as a form field sets an HttpOnly cookie; then the page starts again.
export function showLogin() {
  if (loginShown) return;
  loginShown = true;
  const main = document.querySelector('main');
  main.replaceChildren();
  const form = document.createElement('form');
  form.className = 'login';
  form.innerHTML = '<label for="token">This dashboard needs its token.</label>'
    + '<input id="token" name="token" type="password" autocomplete="current-password" required>'
    + '<button type="submit">Log in</button><p class="error" hidden></p>';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/login', { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' });
    if (response.ok) {
      location.reload();
      return;
    }
    const message = form.querySelector('.error');
    message.textContent = 'Wrong token.';
    message.hidden = false;
  });
  main.append(form);
}

// POSTs a JSON body and answers { status, body } whatever the status (the caller reads a problem's detail), except 401,
// which swaps the page for the login form as getJson does.
export async function postJson(path, value) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
    credentials: 'same-origin',
  });
  if (response.status === 401) {
    showLogin();
    throw new Unauthorized('token required');
  }
  return { status: response.status, body: await response.json().catch(() => null) };
}
