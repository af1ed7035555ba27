// Word lists the national dataset's text is made from, so titles, decisions,
// notes and returns read like a partnership's records and have realistic
// lengths. Each of the 100 topics lands on about 1% of the decisions, so a
// search for one (e.g. "kinship") has real work to do; the other lists share
// no English stem with a topic.

export const verbs = ["Approve", "Endorse", "Agree", "Note", "Extend", "Commission", "Renew", "Review", "Adopt", "Fund", "Pause", "Vary"];
export const adjectives = ["revised", "interim", "joint", "regional", "annual", "updated", "outline", "final", "pilot", "shared"];
export const subjects = [
  "placement framework", "sufficiency strategy", "commissioning plan", "fee uplift", "quality standard", "contract variation",
  "budget allocation", "training programme", "data-sharing agreement", "recruitment campaign", "inspection response", "risk register",
  "performance report", "procurement route", "service specification", "lot structure",
];
export const topics = [
  "fostering", "adoption", "kinship", "therapeutic", "respite", "advocacy", "safeguarding", "schooling", "employment", "housing",
  "transport", "nutrition", "wellbeing", "mentoring", "apprenticeships", "tutoring", "sport", "music", "dentistry", "immunisation",
  "counselling", "mediation", "reunification", "permanence", "autonomy", "transition", "disability", "autism", "epilepsy", "asthma",
  "trauma", "attachment", "resilience", "exploitation", "trafficking", "gangs", "runaways", "exclusion", "truancy", "bullying",
  "homelessness", "poverty", "benefits", "allowances", "mileage", "insurance", "broadband", "laptops", "furniture", "refurbishment",
  "heating", "insulation", "solar", "gardens", "minibus", "bicycles", "uniforms", "libraries", "swimming", "football",
  "theatre", "museums", "holidays", "camping", "Romford", "Ilford", "Dagenham", "Stratford", "Walthamstow", "Chingford",
  "Leyton", "Hornchurch", "Upminster", "Rainham", "Barkingside", "Woodford", "Wanstead", "Plaistow", "Beckton", "Poplar",
  "Shoreditch", "Dalston", "Clapton", "Homerton", "Hainault", "Gidea", "Harold", "Elm", "Aldgate", "Wapping",
  "Limehouse", "Bethnal", "Whitechapel", "Millwall", "Silvertown", "Canning", "Forest", "Seven", "Kings", "Mile",
];
/** The word the decision-log search looks for: one topic, about 1% of rows. */
export const SEARCH_WORD = "kinship";

export const nameStarts = [
  "Ash", "Birch", "Bramble", "Cedar", "Clover", "Elder", "Fern", "Hazel", "Heather", "Holly",
  "Ivy", "Juniper", "Larch", "Laurel", "Linden", "Maple", "Meadow", "Oak", "Orchard", "Pine",
  "Poppy", "Rowan", "Sorrel", "Thistle", "Willow", "Yew", "Alder", "Beech", "Briar", "Bracken",
];
export const nameEnds = ["field", "wood", "grove", "brook", "dale", "gate", "hill", "lea", "mead", "moor", "side", "stone", "vale", "well", "worth", "bury"];
export const nameKinds = ["Children's Home", "Family Centre", "Academy", "Youth Hub", "Care Trust", "Lodge"];
export const clauses = [
  "with effect from the start of the next quarter",
  "subject to the agreement of each partner's finance lead",
  "within the existing pooled budget",
  "following consultation with young people in care",
  "after the provider market engagement event",
  "on the recommendation of the commissioning group",
  "in line with the Ofsted improvement plan",
  "pending legal advice on the procurement route",
  "as set out in the paper circulated before the meeting",
  "with a review after six months",
  "for an initial period of two years",
  "on the terms agreed with the lead provider",
];
export const sentences = [
  "The lead authority will take the work forward on behalf of the partnership.",
  "Costs will be shared in proportion to each partner's placements.",
  "The secretariat will report progress at the next board.",
  "Providers will be told within ten working days.",
  "Young advisers will be involved in evaluating the outcome.",
  "The risk register will be updated to reflect the change.",
  "Any overspend will be reported to the finance subgroup.",
  "The change applies to new placements only.",
  "Each partner will nominate an officer to the task group.",
  "The evaluation partner will measure the effect on outcomes.",
  "Legal services will draft the necessary contract variation.",
  "The board asked for a summary for elected members.",
];

/** Places for organisation and partnership names (none of the demo's own boroughs, so no name collides with the demo's). */
export const places = [
  "Barnsley", "Bolton", "Bradford", "Brighton", "Bristol", "Bury", "Calderdale", "Camden", "Cheshire", "Coventry",
  "Croydon", "Cumbria", "Derby", "Devon", "Doncaster", "Dorset", "Dudley", "Durham", "Ealing", "Enfield",
  "Essex", "Gateshead", "Gloucestershire", "Greenwich", "Halton", "Hampshire", "Haringey", "Harrow", "Hartlepool", "Herefordshire",
  "Hertfordshire", "Hillingdon", "Hounslow", "Islington", "Kent", "Kirklees", "Knowsley", "Lambeth", "Lancashire", "Leeds",
  "Lewisham", "Lincolnshire", "Liverpool", "Luton", "Manchester", "Medway", "Merton", "Middlesbrough", "Norfolk", "Northumberland",
  "Nottingham", "Oldham", "Oxfordshire", "Peterborough", "Plymouth", "Portsmouth", "Reading", "Rochdale", "Rotherham", "Salford",
  "Sandwell", "Sefton", "Sheffield", "Shropshire", "Slough", "Solihull", "Somerset", "Southampton", "Southwark", "Staffordshire",
  "Stockport", "Suffolk", "Sunderland", "Surrey", "Sutton", "Swindon", "Tameside", "Telford", "Thurrock", "Torbay",
  "Trafford", "Wakefield", "Walsall", "Wandsworth", "Warrington", "Warwickshire", "Westminster", "Wigan", "Wiltshire", "Wirral",
  "Wokingham", "Wolverhampton", "Worcestershire", "York", "Cardiff", "Swansea", "Wrexham", "Conwy", "Powys", "Gwynedd",
];
export const regions = ["North East", "North West", "Yorkshire", "East Midlands", "West Midlands", "East of England", "South East", "South West", "Greater London", "Wales"];

export const firstNames = [
  "Aisha", "Alan", "Alice", "Amir", "Amy", "Andrew", "Angela", "Anna", "Ben", "Bethan", "Caroline", "Chloe", "Chris", "Claire", "Daniel", "David",
  "Deborah", "Dylan", "Eleanor", "Emma", "Fatima", "Fiona", "Gareth", "Gemma", "Hannah", "Harriet", "Ian", "Imran", "Jack", "James", "Jane", "Jasmine",
  "Jonathan", "Joseph", "Karen", "Kate", "Kwame", "Laura", "Leon", "Lucy", "Mark", "Martin", "Mei", "Michael", "Mohammed", "Naomi", "Neil", "Nia",
  "Oliver", "Olivia", "Patrick", "Paul", "Priya", "Rachel", "Rhys", "Richard", "Rosie", "Ruth", "Sam", "Sarah", "Simon", "Sophie", "Tariq", "Zoe",
];
export const lastNames = [
  "Adams", "Ahmed", "Ali", "Allen", "Bailey", "Baker", "Begum", "Bennett", "Brown", "Campbell", "Carter", "Chen", "Clarke", "Cooper", "Davies", "Edwards",
  "Evans", "Fisher", "Green", "Griffiths", "Hall", "Harris", "Hughes", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Khan", "King",
  "Lewis", "Lloyd", "Martin", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Nguyen", "Okafor", "Owen", "Parker", "Patel", "Phillips", "Price", "Roberts",
  "Robinson", "Scott", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wright",
];

/** Job titles by seniority tier (app/areas/register vocabulary). */
export const jobTitles: Record<string, string[]> = {
  director: ["Director of Children's Services", "Director of Children and Families", "Chief Executive", "Director of Commissioning"],
  assistant_director: ["Assistant Director, Children's Social Care", "Assistant Director, Commissioning", "Assistant Director, Early Help"],
  head_of_service: ["Head of Service, Children Looked After", "Head of Placements and Sufficiency", "Head of Commissioning"],
  service_manager: ["Service Manager, Fostering", "Service Manager, Residential Care", "Contracts Manager"],
  officer: ["Commissioning Officer", "Participation Officer", "Young Ambassador (care-experienced)"],
  elected_member: ["Cabinet Member for Children", "Lead Member for Children's Services", "Scrutiny Committee Member"],
  trustee: ["Trustee", "Chair of Trustees"],
};

export const meetingNotes = [
  "Members discussed the paper in detail and asked officers to bring back costed options.",
  "The chair summarised the discussion and the board agreed the recommendations with minor amendments.",
  "Partners raised concerns about capacity in the provider market and the effect on children placed far from home.",
  "The programme lead reported progress against the delivery plan; two milestones have slipped by a month.",
  "Young advisers presented what they had heard from children in care and the board thanked them.",
  "The finance lead confirmed the pooled budget position and flagged a forecast pressure in the final quarter.",
  "Members noted the latest inspection findings and the actions already under way in response.",
  "Discussion focused on the quality of data returned by partners and how to make returns easier to complete.",
];

export const returnComments = [
  "Return attached to the shared drive and summarised here.",
  "Figures checked by the performance team; two placements were reclassified after audit.",
  "Submitted late because of a system migration; the figures are complete.",
  "Includes the narrative on placement stability requested at the last board.",
  "Spend figures are provisional until the month-end close.",
  "No exceptions to report this period.",
];

/** A SQL text[] literal of a word list, for set-based generation. */
export const sqlArray = (words: readonly string[]) => `(array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]::text[])`;
