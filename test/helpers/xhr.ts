/**
 * The slice of XMLHttpRequest that rxjs 5's Observable.ajax (used by botframework-directlinejs)
 * touches, implemented over Node's fetch. Node has no XHR; the library needs nothing more.
 */
export class FetchXMLHttpRequest {
  readyState = 0;
  status = 0;
  statusText = '';
  response: unknown = null;
  responseText = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  onreadystatechange: ((e: unknown) => void) | null = null;
  ontimeout: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  private method = 'GET';
  private url = '';
  private readonly headers: Record<string, string> = {};
  private responseHeaders = new Headers();
  private readonly controller = new AbortController();

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  getAllResponseHeaders(): string {
    const lines: string[] = [];
    this.responseHeaders.forEach((v, k) => lines.push(`${k}: ${v}`));
    return lines.join('\r\n');
  }

  abort(): void {
    this.controller.abort();
  }

  send(body?: string): void {
    let timedOut = false;
    const timer =
      this.timeout > 0
        ? setTimeout(() => {
            timedOut = true;
            this.controller.abort();
          }, this.timeout)
        : undefined;
    fetch(this.url, { method: this.method, headers: this.headers, body, signal: this.controller.signal })
      .then(async (res) => {
        const text = await res.text();
        this.status = res.status;
        this.statusText = res.statusText;
        this.responseHeaders = res.headers;
        this.responseText = text;
        this.response = this.responseType === 'json' ? parseJson(text) : text;
        this.done();
      })
      .catch(() => {
        if (timedOut) {
          this.readyState = 4;
          this.ontimeout?.({ type: 'timeout' });
        } else if (!this.controller.signal.aborted) {
          this.done();
        }
      })
      .finally(() => clearTimeout(timer));
  }

  private done(): void {
    this.readyState = 4;
    this.onreadystatechange?.({ type: 'readystatechange', target: this });
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
