/**
 * Props for the box a wide table scrolls sideways in on a small screen. It is
 * a named region that takes keyboard focus, so someone without a mouse or
 * touch screen can scroll it with the arrow keys (WCAG 2.1.1).
 */
export const tableScroll = (label: string) => ({ className: "app-table-scroll", role: "region", "aria-label": label, tabIndex: 0 }) as const;
