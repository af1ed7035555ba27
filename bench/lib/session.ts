// A signed-in person over HTTP, as a browser would be: cookies kept,
// same-origin form posts, its own client address (the server trusts
// x-forwarded-for in the bench, as it does behind Fly's proxy).

export class BenchClient {
  cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly address = "10.77.0.1",
  ) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** The headers a request of this person carries (for autocannon too). */
  headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "x-forwarded-for": this.address };
  }

  async get(path: string) {
    const res = await fetch(this.baseUrl + path, { redirect: "manual", headers: this.headers() });
    this.remember(res);
    return res;
  }

  async post(path: string, form: Record<string, string>) {
    const res = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: { ...this.headers(), origin: this.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(res);
    return res;
  }

  async signIn(email: string, password: string) {
    const res = await this.post("/sign-in", { email, password, redirectTo: "/" });
    if (res.status !== 302) throw new Error(`Signing in as ${email} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  }

  /**
   * Makes the person's calendar feed address through their calendar page (a
   * new one each time: the old one stops working) and returns its path.
   */
  async createCalendarFeed(): Promise<string> {
    const page = await (await this.get("/calendar")).text();
    const once = page.match(/name="_once" value="([^"]*)"/)?.[1];
    if (once === undefined) throw new Error("The calendar page has no form key (_once)");
    const res = await this.post("/calendar", { intent: "create", _once: once });
    const html = await res.text();
    const token = html.match(/\/calendar\/feed\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`Creating a calendar address answered ${res.status} without one: ${html.slice(0, 300)}`);
    return `/calendar/feed/${token}`;
  }
}
