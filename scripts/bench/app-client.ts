// The app as a browser would use it: a signed-in session cookie, JSON API calls and SSE streams.
import { openStream, request, sseParser, type HttpResponse, type OpenStream, type SseMessage } from "./http-client";

export class AppClient {
  private constructor(
    readonly baseUrl: string,
    readonly username: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<AppClient> {
    const res = await request(`${baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ username, password }),
    });
    if (res.status >= 300)
      throw new Error(`sign-in as ${username}: HTTP ${res.status} ${res.body.toString("utf8", 0, 300)}`);
    const setCookie = res.headers["set-cookie"] ?? [];
    const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
    if (!cookie) throw new Error(`sign-in as ${username}: no session cookie`);
    return new AppClient(baseUrl, username, cookie);
  }

  get(path: string): Promise<HttpResponse> {
    return request(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie, accept: "application/json" } });
  }

  async getJson(path: string): Promise<unknown> {
    const res = await this.get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.body.toString("utf8", 0, 300)}`);
    return JSON.parse(res.body.toString("utf8"));
  }

  postJson(path: string, body: unknown): Promise<HttpResponse> {
    return request(`${this.baseUrl}${path}`, {
      method: "POST",
      headers: {
        cookie: this.cookie,
        "content-type": "application/json",
        origin: this.baseUrl,
        "sec-fetch-site": "same-origin",
      },
      body: JSON.stringify(body),
    });
  }

  /** Opens an SSE stream; onMessage gets every event with its arrival time (performance.now()). */
  async sse(path: string, onMessage: (m: SseMessage, at: number) => void): Promise<OpenStream> {
    const stream = await openStream(
      `${this.baseUrl}${path}`,
      { headers: { cookie: this.cookie, accept: "text/event-stream" } },
      sseParser((m) => onMessage(m, performance.now())),
    );
    if (stream.status !== 200) {
      stream.close();
      throw new Error(`SSE ${path}: HTTP ${stream.status}`);
    }
    return stream;
  }
}
