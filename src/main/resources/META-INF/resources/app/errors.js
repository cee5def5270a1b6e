// A person reads a message, never a raw code: the server's list of codes (GET /api/v1/error-codes) gives each
// one its text; the server's own message is shown when it says more (it names the field, the limit).
let messages = {};

export async function loadErrorMessages() {
  try {
    const response = await fetch('/api/v1/error-codes');
    if (response.ok) {
      for (const entry of await response.json()) messages[entry.code] = entry.message;
    }
  } catch (ignored) {
    // Offline for a moment: the server's messages in each error are still there.
  }
}

export class ApiError extends Error {
  constructor(code, message) {
    super(describe(code, message));
    this.code = code;
  }
}

export function describe(code, message) {
  if (message && message !== code) return message;
  return messages[code] || 'Something went wrong. Try again.';
}
