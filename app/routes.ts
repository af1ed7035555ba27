import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password/:token", "routes/reset-password.tsx"),
  route("invitation/:token", "routes/invitation.tsx"),
  route("p/:slug", "routes/partnership.tsx"),
  route("p/:slug/invite", "routes/partnership-invite.tsx"),
  route("portal", "routes/portal.tsx"),
  route("dev/outbox", "routes/dev-outbox.tsx"),
  route("dev/outbox/:file", "routes/dev-outbox-file.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
