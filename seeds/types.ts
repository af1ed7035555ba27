import type {
  BoardRole,
  OrganisationType,
  PartnerRole,
  PartnershipRole,
  PartnershipStatus,
  PartnershipType,
  SeniorityTier,
} from "../app/domain/vocabulary";

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
  email: string; // a SeedPerson
  orgKey: string;
  boardRole: BoardRole;
  seniority: SeniorityTier;
  hasVote: boolean;
  termStart: string; // YYYY-MM-DD
  termEnd: string | null;
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
  partners: { orgKey: string; role: PartnerRole; joinedOn: string }[];
  board: SeedBoardSeat[];
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
  youngPeople: { displayName: string; email: string; partnershipSlug: string }[];
  partnerships: SeedPartnership[];
  demoAccounts: SeedDemoAccount[];
};
