// What every request carries into loaders and actions (set by server/app.ts).

/** The signed-in person, as the session check found them. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  kind: "adult" | "young_person";
  isPlatformAdmin: boolean;
};

declare module "react-router" {
  interface AppLoadContext {
    user: SessionUser | null;
    sessionId: string | null;
    clientAddress: string;
    /** This response's Content-Security-Policy nonce. */
    cspNonce: string;
  }
}
