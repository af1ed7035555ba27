import { Link } from "react-router";
import { getDb } from "../../../../db/client";
import { requirePermission } from "../../../platform/guard.server";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { ragBandLabels, scoreKindLabels, scoreKinds, type HeatMap, type RagBand, type ScoreKind } from "../public";
import { heatMapFigures } from "../register.server";
import type { Route } from "./+types/risk-heat-map";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Risk heat map – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const asked = new URL(request.url).searchParams.get("show");
  const kind: ScoreKind = (scoreKinds as readonly string[]).includes(asked ?? "") ? (asked as ScoreKind) : "current";
  const { map, movement, settings } = await heatMapFigures(getDb(), scope.partnership, kind);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, kind, map, movement, bands: settings.bands };
}

// Band colours with text that keeps 4.5:1 contrast on each (GOV.UK's green, yellow and red).
const fill: Record<RagBand, { cell: string; text: string }> = {
  green: { cell: "#00703c", text: "#ffffff" },
  amber: { cell: "#ffdd00", text: "#0b0c0c" },
  red: { cell: "#d4351c", text: "#ffffff" },
};

const CELL = 64;
const LEFT = 56;
const TOP = 8;

const cellLink = (slug: string, kind: ScoreKind, likelihood: number, impact: number) => `/p/${slug}/risks?rating=${kind}&likelihood=${likelihood}&impact=${impact}`;
const riskCount = (n: number) => `${n} ${n === 1 ? "risk" : "risks"}`;

/**
 * The 5 × 5 grid as SVG: an image (role img, so its cells are not links:
 * axe forbids controls inside an image) with a title and a description that
 * gives every figure. The table beside it is the same grid, each count a
 * link to its risks, for mouse, keyboard and screen reader alike.
 */
function HeatMapSvg({ map }: { map: HeatMap }) {
  const size = LEFT + CELL * 5 + 8;
  const height = TOP + CELL * 5 + 48;
  const filled = map.rows.flatMap((r) => r.cells).filter((c) => c.count > 0);
  const description =
    `${riskCount(map.total)} placed by ${scoreKindLabels[map.kind].toLowerCase()} rating. ` +
    (filled.length
      ? filled.map((c) => `Likelihood ${c.likelihood}, impact ${c.impact} (score ${c.score}, ${ragBandLabels[c.band].toLowerCase()}): ${riskCount(c.count)}.`).join(" ")
      : "No risks to place.");
  return (
    <svg className="app-heat-map" viewBox={`0 0 ${size} ${height}`} width="100%" style={{ maxWidth: size * 1.4 }} role="img" aria-labelledby="heat-map-title heat-map-desc">
      <title id="heat-map-title">{`Risk heat map: ${scoreKindLabels[map.kind]}`}</title>
      <desc id="heat-map-desc">{description}</desc>
      {map.rows.map((row, r) =>
        row.cells.map((c, l) => {
          const x = LEFT + l * CELL;
          const y = TOP + r * CELL;
          return (
            <g key={`${c.likelihood}-${c.impact}`} data-svg-cell={`${c.likelihood}-${c.impact}`}>
              <rect x={x} y={y} width={CELL - 2} height={CELL - 2} fill={fill[c.band].cell} />
              <text x={x + CELL / 2 - 1} y={y + CELL / 2 + 7} textAnchor="middle" fontSize="20" fontWeight={c.count ? 700 : 400} fill={fill[c.band].text}>
                {c.count || "·"}
              </text>
            </g>
          );
        }),
      )}
      {[5, 4, 3, 2, 1].map((impact, r) => (
        <text key={`i${impact}`} x={LEFT - 10} y={TOP + r * CELL + CELL / 2 + 6} textAnchor="end" fontSize="16" fill="#0b0c0c">
          {impact}
        </text>
      ))}
      {[1, 2, 3, 4, 5].map((likelihood, l) => (
        <text key={`l${likelihood}`} x={LEFT + l * CELL + CELL / 2 - 1} y={TOP + CELL * 5 + 20} textAnchor="middle" fontSize="16" fill="#0b0c0c">
          {likelihood}
        </text>
      ))}
      <text x={LEFT + (CELL * 5) / 2} y={TOP + CELL * 5 + 42} textAnchor="middle" fontSize="15" fill="#0b0c0c">
        Likelihood →
      </text>
      <text x={14} y={TOP + (CELL * 5) / 2} textAnchor="middle" fontSize="15" fill="#0b0c0c" transform={`rotate(-90 14 ${TOP + (CELL * 5) / 2})`}>
        Impact →
      </text>
    </svg>
  );
}

export default function RiskHeatMap({ loaderData }: Route.ComponentProps) {
  const { partnership: p, kind, map, movement, bands } = loaderData;
  return (
    <>
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Risk heat map</h1>
      <p className="govuk-body">
        Open and escalated risks by likelihood and impact. Scores of {bands.amberFrom} or more are amber, {bands.redFrom} or more red. Choose a number to see those risks on the{" "}
        <Link className="govuk-link" to={`/p/${p.slug}/risks`}>
          risk register
        </Link>
        .
      </p>
      <nav aria-label="Which rating to show">
        <ul className="govuk-list app-inline-list">
          {scoreKinds.map((k) => (
            <li key={k}>
              {k === kind ? (
                <strong aria-current="page">{scoreKindLabels[k]}</strong>
              ) : (
                <Link className="govuk-link" to={`/p/${p.slug}/risks/heat-map?show=${k}`}>
                  {scoreKindLabels[k]}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <HeatMapSvg map={map} />
        </div>
        <div className="govuk-grid-column-one-half">
          <div {...tableScroll("The heat map's figures")}>
            <table className="govuk-table app-heat-map-table">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {riskCount(map.total)}, by impact (rows) and likelihood (columns)
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Impact
                  </th>
                  {[1, 2, 3, 4, 5].map((l) => (
                    <th key={l} scope="col" className="govuk-table__header govuk-table__header--numeric">
                      <span className="govuk-visually-hidden">Likelihood </span>
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {map.rows.map((row) => (
                  <tr key={row.impact} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {row.impact}
                    </th>
                    {row.cells.map((c) => (
                      <td key={c.likelihood} className="govuk-table__cell govuk-table__cell--numeric" data-cell={`${c.likelihood}-${c.impact}`}>
                        {c.count ? (
                          <Link className="govuk-link" to={cellLink(p.slug, kind, c.likelihood, c.impact)}>
                            {c.count}
                            <span className="govuk-visually-hidden">
                              {" "}
                              {c.count === 1 ? "risk" : "risks"} at likelihood {c.likelihood}, impact {c.impact} ({ragBandLabels[c.band].toLowerCase()})
                            </span>
                          </Link>
                        ) : (
                          0
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
      <h2 className="govuk-heading-m">From inherent to current</h2>
      <p className="govuk-body">How far the controls in place bring risks down: each risk counted by the band of its inherent score and the band of its current score.</p>
      <div {...tableScroll("Movement from inherent to current band")}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Risks by inherent band (rows) and current band (columns)</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Inherent
              </th>
              {(["green", "amber", "red"] as const).map((b) => (
                <th key={b} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Now {ragBandLabels[b].toLowerCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {(["red", "amber", "green"] as const).map((from) => (
              <tr key={from} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {ragBandLabels[from]}
                </th>
                {(["green", "amber", "red"] as const).map((to) => (
                  <td key={to} className="govuk-table__cell govuk-table__cell--numeric">
                    {movement.find((m) => m.from === from && m.to === to)?.count ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
