import { Link } from "react-router";

const sections = [
  { key: "overview", label: "Overview", path: "" },
  { key: "meetings", label: "Meetings", path: "/meetings" },
  { key: "decisions", label: "Decisions", path: "/decisions" },
  { key: "actions", label: "Actions", path: "/actions" },
  { key: "obligations", label: "Returns", path: "/obligations" },
  { key: "risks", label: "Risks", path: "/risks" },
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

/** The section a page inside a partnership belongs to, from its address (/p/:slug/<section>/…). */
export function sectionOf(pathname: string): PartnershipSection {
  const segment = pathname.split("/")[3] ?? "";
  const found = sections.find((s) => s.path.split("/")[1] === segment.replace(/\.csv$/, ""));
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
