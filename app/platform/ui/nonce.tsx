import { createContext, useContext } from "react";

// The per-response nonce the Content-Security-Policy allows scripts by
// (app/entry.server.tsx). Only the server render needs it: in the browser the
// scripts have already run.
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
