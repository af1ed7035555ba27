import { describe, expect, it } from "vitest";
import { targetReachability, type MitigationForReachability } from "../../../app/areas/risks/rules/reachability";
import { formatRiskReference, nextRiskNumber, parseRiskReference, riskReferencePrefix } from "../../../app/areas/risks/rules/references";

const TODAY = "2026-03-18";

function reach(opts: { current?: number; target?: number; targetDate?: string | null; mitigations?: MitigationForReachability[]; today?: string }) {
  return targetReachability({
    currentScore: opts.current ?? 12,
    targetScore: opts.target ?? 6,
    targetDate: opts.targetDate === undefined ? "2026-09-30" : opts.targetDate,
    mitigations: opts.mitigations ?? [],
    today: opts.today ?? TODAY,
  });
}
const keys = (result: ReturnType<typeof reach>) => result.reasons.map((r) => r.key);

describe("whether the target is reachable", () => {
  it("is met when the current score is at or below the target, whatever the actions", () => {
    expect(reach({ current: 6, target: 6 })).toEqual({ status: "met", reasons: [], sentence: "The current score (6) is at or below the target (6)." });
    expect(reach({ current: 4, target: 6, targetDate: "2020-01-01" }).status).toBe("met");
    expect(reach({ current: 7, target: 6 }).status).toBe("not_reachable"); // one above
  });

  it("is not reachable with no open mitigating actions", () => {
    const result = reach({ mitigations: [{ status: "completed", dueDate: "2026-02-01" }, { status: "cancelled", dueDate: "2026-04-01" }] });
    expect(keys(result)).toEqual(["no_open_mitigations"]);
    expect(result.sentence).toBe(
      "The target is not reachable by the planned mitigations' due dates. No open mitigating actions are planned to bring the score from 12 down to 6.",
    );
    expect(keys(reach({ targetDate: null }))).toEqual(["no_open_mitigations"]);
  });

  it("is not reachable when an open mitigating action is overdue (due yesterday), but is when it is due today", () => {
    expect(keys(reach({ mitigations: [{ status: "in_progress", dueDate: "2026-03-17" }] }))).toEqual(["mitigation_overdue"]);
    expect(reach({ mitigations: [{ status: "in_progress", dueDate: "2026-03-17" }] }).reasons[0].sentence).toBe(
      "A mitigating action is overdue: it was due on 17 March 2026.",
    );
    expect(reach({ mitigations: [{ status: "planned", dueDate: "2026-03-18" }] }).status).toBe("on_track");
    const two = reach({
      mitigations: [
        { status: "planned", dueDate: "2026-03-01" },
        { status: "in_progress", dueDate: "2026-02-10" },
        { status: "planned", dueDate: "2026-06-01" },
        { status: "completed", dueDate: "2026-01-01" }, // done late: no longer counts
      ],
    });
    expect(two.reasons).toEqual([{ key: "mitigation_overdue", sentence: "2 mitigating actions are overdue, the earliest due on 10 February 2026." }]);
  });

  it("is not reachable when every open action is due after the target date (−1, =, +1 around it)", () => {
    const due = (dueDate: string) => reach({ targetDate: "2026-09-30", mitigations: [{ status: "planned", dueDate }] });
    expect(due("2026-09-29").status).toBe("on_track");
    expect(due("2026-09-30").status).toBe("on_track");
    expect(keys(due("2026-10-01"))).toEqual(["all_due_after_target_date"]);
    expect(due("2026-10-01").reasons[0].sentence).toBe("The only open mitigating action is due after the target date of 30 September 2026.");
    const all = reach({ mitigations: [{ status: "planned", dueDate: "2026-10-01" }, { status: "in_progress", dueDate: "2026-12-01" }] });
    expect(all.reasons[0].sentence).toBe("All 2 open mitigating actions are due after the target date of 30 September 2026.");
  });

  it("is on track when some open action is due by the target date", () => {
    const some = reach({ mitigations: [{ status: "planned", dueDate: "2026-06-30" }, { status: "planned", dueDate: "2026-12-01" }] });
    expect(some).toEqual({ status: "on_track", reasons: [], sentence: "1 of 2 open mitigating actions is due by the target date of 30 September 2026." });
    expect(reach({ mitigations: [{ status: "planned", dueDate: "2026-06-30" }] }).sentence).toBe("The open mitigating action is due by the target date of 30 September 2026.");
    expect(reach({ targetDate: null, mitigations: [{ status: "planned", dueDate: "2027-06-30" }] }).sentence).toBe("One open mitigating action is planned, due on 30 June 2027.");
    expect(
      reach({
        targetDate: null,
        mitigations: [
          { status: "planned", dueDate: "2027-06-30" },
          { status: "in_progress", dueDate: "2026-05-01" },
        ],
      }).sentence,
    ).toBe("2 open mitigating actions are planned, the last due on 30 June 2027.");
  });

  it("is not reachable once the target date has passed (−1, =, +1 around it)", () => {
    const on = (today: string) => reach({ targetDate: "2026-03-18", today, mitigations: [{ status: "planned", dueDate: "2026-03-31" }] });
    expect(on("2026-03-17").status).toBe("not_reachable"); // the action is due after the target date
    expect(keys(on("2026-03-17"))).toEqual(["all_due_after_target_date"]);
    expect(keys(on("2026-03-18"))).toEqual(["all_due_after_target_date"]);
    expect(keys(on("2026-03-19"))).toEqual(["target_date_passed"]);
    expect(on("2026-03-19").reasons[0].sentence).toBe("The target date of 18 March 2026 has passed with the score (12) still above the target (6).");
  });

  it("gives every reason that applies", () => {
    const result = reach({ targetDate: "2026-03-01", mitigations: [{ status: "planned", dueDate: "2026-02-01" }] });
    expect(keys(result)).toEqual(["target_date_passed", "mitigation_overdue"]);
    expect(keys(reach({ targetDate: "2026-03-01" }))).toEqual(["target_date_passed", "no_open_mitigations"]);
  });
});

describe("risk references", () => {
  it("are PREFIX-R-NNN, with the partnership's decision prefix", () => {
    expect(formatRiskReference("NELCP", 12)).toBe("NELCP-R-012");
    expect(formatRiskReference("CIP", 1)).toBe("CIP-R-001");
    expect(formatRiskReference("NCC-BC", 1234)).toBe("NCC-BC-R-1234");
    expect(riskReferencePrefix({ referencePrefix: "NELCP", shortName: "North-East London" })).toBe("NELCP");
    expect(riskReferencePrefix({ referencePrefix: null, shortName: "Leics CIP" })).toBe("LEICSCIP");
    expect(riskReferencePrefix({ referencePrefix: null, shortName: "—" })).toBe("RISK");
  });

  it("read back, and number on from the highest", () => {
    expect(parseRiskReference("NELCP-R-012")).toEqual({ prefix: "NELCP", number: 12 });
    expect(parseRiskReference("NCC-BC-R-004")).toEqual({ prefix: "NCC-BC", number: 4 });
    expect(parseRiskReference(" CIP-R-1234 ")).toEqual({ prefix: "CIP", number: 1234 });
    expect(parseRiskReference("NELCP-2026-014")).toBeNull(); // a decision's
    expect(parseRiskReference("NELCP-R-12")).toBeNull();
    expect(parseRiskReference("NELCP-R-000")).toBeNull();
    expect(nextRiskNumber([])).toBe(1);
    expect(nextRiskNumber([3, 12, 7])).toBe(13);
  });
});
