// The /ws event stream: a snapshot first, then events. Reconnects with exponential backoff (0.5 s to 15 s);
// every reconnect starts with a fresh snapshot, so nothing missed while away is lost.
import { showLogin } from './api.js';

export function connectLive(onMessage, status) {
  let delay = 500;
  let opened = false;

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/ws`);
    opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      delay = 500;
      setStatus(status, true);
    });
    socket.addEventListener('message', (event) => {
      try {
        onMessage(JSON.parse(event.data));
      } catch (error) {
        console.error('bad live message', error);
      }
    });
    socket.addEventListener('close', async () => {
      setStatus(status, false);
      if (!opened && await needsToken()) {
        showLogin();
        return;
      }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    });
  };
  connect();
}

function setStatus(element, on) {
  if (!element) return;
  element.textContent = on ? 'live' : 'reconnecting…';
  element.className = `live ${on ? 'on' : 'off'}`;
}

// A socket refused before opening may mean a token is required: ask the API, which answers 401 then.
async function needsToken() {
  try {
    const response = await fetch('/api/cluster', { credentials: 'same-origin' });
    return response.status === 401;
  } catch {
    return false;
  }
}
