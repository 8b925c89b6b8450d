// Calls to marsad's JSON API (crates/serve/API.md). Every error becomes an ApiError carrying
// the server's message, so the page can show it as it is.

export class ApiError extends Error {
  constructor(message, status = 0, code = "network") {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// Query string from an object, leaving out empty values (the API refuses unknown or repeated
// parameters, so only what is set is sent).
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

export async function getJson(path, params = {}, signal) {
  let res;
  try {
    res = await fetch(`${path}${query(params)}`, { signal, headers: { Accept: "application/json" } });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(String(e.message || e));
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: reported below */
  }
  if (signal?.aborted) throw new DOMException("aborted", "AbortError");
  if (!res.ok) {
    const err = body?.error;
    throw new ApiError(err?.message || `${path}: HTTP ${res.status}`, res.status, err?.code || "http");
  }
  if (body === null) throw new ApiError(`${path}: the answer is not JSON`, res.status, "invalid_json");
  return body;
}
