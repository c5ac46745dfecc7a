export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  /** Admin JWT, API token or users-permissions JWT, sent as a Bearer token. */
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
}

/** A small HTTP client bound to one Strapi, so tests read like `await api.get('/api/articles')`. */
export const createHttpClient = (baseUrl: string) => {
  const send = async <T = any>(
    method: string,
    path: string,
    options: RequestOptions = {}
  ): Promise<HttpResponse<T>> => {
    const url = new URL(path, baseUrl);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };

  return {
    request: send,
    get: <T = any>(path: string, options?: RequestOptions) => send<T>('GET', path, options),
    post: <T = any>(path: string, body?: unknown, options?: RequestOptions) =>
      send<T>('POST', path, { ...options, body }),
    put: <T = any>(path: string, body?: unknown, options?: RequestOptions) =>
      send<T>('PUT', path, { ...options, body }),
    delete: <T = any>(path: string, options?: RequestOptions) => send<T>('DELETE', path, options),
  };
};

export type HttpClient = ReturnType<typeof createHttpClient>;
