import { Link } from "react-router";

const sections = [
  { key: "overview", label: "Overview", path: "" },
  { key: "meetings", label: "Meetings", path: "/meetings" },
  { key: "decisions", label: "Decisions", path: "/decisions" },
  { key: "actions", label: "Actions", path: "/actions" },
  { key: "obligations", label: "Returns", path: "/obligations" },
  { key: "risks", label: "Risks", path: "/risks" },
  { key: "money", label: "Money", path: "/money" },
  { key: "participation", label: "Young people", path: "/participation" },
  { key: "partners", label: "Partners", path: "/partners" },
  { key: "board", label: "Board register", path: "/board" },
  { key: "terms", label: "Terms of reference", path: "/terms" },
  { key: "declarations", label: "Declarations of interest", path: "/declarations" },
  { key: "accountability", label: "Accountability", path: "/accountability" },
  { key: "scrutiny", label: "Scrutiny questions", path: "/scrutiny/challenges" },
  { key: "audit", label: "Audit trail", path: "/audit" },
] as const;
export type PartnershipSection = (typeof sections)[number]["key"];

/** Pages that belong to a section without sitting under its address. */
const alsoIn: Record<string, PartnershipSection> = { "/scrutiny/pack": "accountability" };

/** The section a page inside a partnership belongs to, from its address (/p/:slug/<section>/…). */
export function sectionOf(pathname: string): PartnershipSection {
  const rest = `/${pathname.split("/").slice(3).join("/")}`.replace(/\.[a-z]+$/, "");
  const aliased = Object.entries(alsoIn).find(([path]) => rest === path || rest.startsWith(`${path}/`));
  if (aliased) return aliased[1];
  const found = sections.find((s) => s.path !== "" && s.path.split("/")[1] === rest.split("/")[1]);
  return found?.key ?? "overview";
}

/** The partnership's sections, on every page inside it. */
export function PartnershipNav({ partnership, current, canSeeAudit }: { partnership: { slug: string; name: string }; current: PartnershipSection; canSeeAudit: boolean }) {
  return (
    <nav className="app-subnav" aria-label={`${partnership.name} sections`}>
        <ul className="app-subnav__list">
          {sections.filter((s) => s.key !== "audit" || canSeeAudit).map((s) => (
            <li key={s.key} className="app-subnav__item">
              <Link
                className="govuk-link govuk-link--no-visited-state app-subnav__link"
                to={`/p/${partnership.slug}${s.path}`}
                aria-current={s.key === current ? "page" : undefined}
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
    </nav>
  );
}

export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}
