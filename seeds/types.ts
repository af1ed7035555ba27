import type { TermsRulesInput, TermsSections } from "../app/areas/register/public";
import type { SeedMeeting } from "./seed-meetings";
import type { SeedObligation } from "./seed-obligations";
import type { SeedFunding } from "./seed-funding";
import type { SeedRiskRegister } from "./seed-risks";
import type { SeedCallIn } from "./seed-call-ins";
import type { SeedChallenge } from "./seed-challenges";
import type { BoardRole, InterestType, SeniorityTier } from "../app/areas/register/public";
import type { KeyDateKind, OrganisationType, PartnerRole, PartnershipStatus, PartnershipType } from "../app/areas/partnerships/public";
import type { PartnershipRole } from "../app/platform/permissions";
import type { DemoActivity, DemoConsultation, DemoIdea, DemoYoungPerson } from "../app/areas/participation/public.server";

export type SeedOrganisation = {
  key: string; // stable key used to refer to it within the seed
  name: string;
  type: OrganisationType;
};

export type SeedPerson = {
  name: string;
  email: string; // lower case, unique across the seed; use .example domains
  jobTitle: string;
};

export type SeedBoardSeat = {
  key?: string; // for deputies and successors to refer to this seat
  email: string; // a SeedPerson
  orgKey: string;
  boardRole: BoardRole;
  seniority: SeniorityTier;
  hasVote: boolean;
  termStart: string; // YYYY-MM-DD
  termEnd: string | null;
  jobTitle?: string; // when it differs from the person's current job title
  deputyFor?: string; // the key of the member's seat
  succeeds?: string; // the key of the seat this one took over
  delegatedAuthorityGbp?: number;
  endReason?: string;
  handoverNote?: string;
};

export type SeedTerms = {
  status: "approved" | "superseded" | "draft";
  effectiveFrom: string | null;
  approvedByEmail: string | null;
  approvedAt: string | null; // ISO instant
  approvalNote: string | null;
  changeSummary: string | null;
  reviewDate: string | null;
  sections: Partial<TermsSections>;
  rules: TermsRulesInput;
};

export type SeedDeclaration = {
  email: string;
  interestType: InterestType;
  description: string;
  relatedOrganisation: string | null;
  declaredOn: string;
  endedOn: string | null;
};

export type SeedAccess = {
  email: string; // a SeedPerson
  role: PartnershipRole;
  orgKey: string | null;
};

export type SeedPartnership = {
  slug: string;
  name: string;
  shortName: string;
  purpose: string;
  type: PartnershipType;
  status: PartnershipStatus;
  startDate: string; // YYYY-MM-DD
  termYears: number | null;
  leadOrgKey: string;
  leadAgreement: string; // the agreement that empowers the lead body
  reportsTo: string | null; // e.g. an overview and scrutiny committee
  /** The email of that committee's chair, one of the partnership's scrutiny members. */
  scrutinyChairEmail?: string;
  sharedVision: string | null;
  referencePrefix: string | null; // decision references, e.g. NELCP-2026-014
  keyDates: { kind: KeyDateKind; onDate: string; description: string }[];
  partners: { orgKey: string; role: PartnerRole; joinedOn: string }[];
  board: SeedBoardSeat[]; // in order: a seat comes after any seat it refers to
  terms: SeedTerms[]; // in version order
  declarations: SeedDeclaration[];
  meetings?: { recordedBy: string; list: SeedMeeting[] }; // recorded as that person would through the pages
  obligations?: { recordedBy: string; list: SeedObligation[] };
  /** The partnership's money (seeds/seed-funding.ts), recorded after its meetings' decisions and its obligations. */
  funding?: SeedFunding;
  risks?: SeedRiskRegister;
  /** A decision called in and referred back (seeds/seed-call-ins.ts). */
  callIn?: SeedCallIn;
  /** Scrutiny's questions and challenges to the chair (seeds/seed-challenges.ts), made after the call-in. */
  challenges?: SeedChallenge[];
  /** Young people's places and the activities they took part in, for a partnership other than the portal's demo one. */
  participation?: { workerEmail: string; cohort: DemoYoungPerson[]; activities: DemoActivity[] };
  access: SeedAccess[]; // who can sign in to this partnership and as what
};

export type SeedDemoAccount = {
  email: string;
  password: string;
  description: string; // e.g. "NELCP board chair (Havering DCS)"
};

export type SeedData = {
  organisations: SeedOrganisation[];
  people: SeedPerson[];
  platformAdmins: string[]; // emails of people who are platform administrators
  /** The young people's portal: a cohort in one partnership, with one account to sign in as. */
  portal: { partnershipSlug: string; workerEmail: string; cohort: DemoYoungPerson[]; consultation: DemoConsultation; activities: DemoActivity[]; ideas: DemoIdea[]; demoAccount: { displayName: string; passphrase: string; description: string } };
  partnerships: SeedPartnership[];
  demoAccounts: SeedDemoAccount[];
};
