// The curated vocabularies of Powermap. Everything that names a kind, faction, tie type or
// grade reads it from here, so the database, the API, the seed and the map agree.

export const ACTOR_KINDS = ['person', 'organization', 'state', 'group', 'event'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  state: 'State',
  group: 'Group',
  event: 'Event',
};

/** Camps used for colouring the map. */
export const FACTIONS = [
  'belarus-state',
  'russia-state',
  'belarus-opposition',
  'west',
  'ukraine',
  'wagner',
  'other',
] as const;
export type Faction = (typeof FACTIONS)[number];

export const FACTION_LABELS: Record<Faction, string> = {
  'belarus-state': 'Belarusian state',
  'russia-state': 'Russian state',
  'belarus-opposition': 'Belarusian opposition',
  west: 'The West',
  ukraine: 'Ukraine',
  wagner: 'Wagner Group',
  other: 'Other',
};

/**
 * Each camp's fill on the map, the legend and every export that carries colour (GEXF viz:color).
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. Label text is
 * drawn beside the node, never on it, so light fills (Ukraine's yellow) stay readable.
 */
export const FACTION_COLOURS: Record<Faction, string> = {
  'belarus-state': '#009E73',
  'russia-state': '#D55E00',
  'belarus-opposition': '#CC79A7',
  west: '#0072B2',
  ukraine: '#F0E442',
  wagner: '#3A3A3A',
  other: '#A0A0A0',
};

/**
 * How a tie type is drawn and read: hierarchy ties point toward the superior,
 * hostile ties are warm, support and alliance are distinct from each other.
 */
export const TIE_CATEGORIES = ['position', 'hierarchy', 'membership', 'alliance', 'support', 'hostile', 'influence', 'personal', 'sanction', 'participation'] as const;
export type TieCategory = (typeof TIE_CATEGORIES)[number];

export const TIE_TYPES = [
  'holds_position',
  'leads',
  'member_of',
  'subordinate_to',
  'appointed_by',
  'ally_of',
  'supports',
  'opposes',
  'rival_of',
  'influences',
  'represents',
  'family_of',
  'associate_of',
  'owns',
  'sanctioned_by',
  'participated_in',
] as const;
export type TieType = (typeof TIE_TYPES)[number];

export interface TieTypeInfo {
  /** Reads between source and target: "Tertel leads KGB". */
  label: string;
  category: TieCategory;
  /** FollowTheMoney interval schema this type maps to, for exchange with Aleph/OpenSanctions. */
  ftmSchema: string | null;
  /** A symmetric tie reads the same both ways (ally of, rival of, family of). */
  symmetric: boolean;
}

export const TIE_TYPE_INFO: Record<TieType, TieTypeInfo> = {
  holds_position: { label: 'holds position in', category: 'position', ftmSchema: 'Occupancy', symmetric: false },
  leads: { label: 'leads', category: 'position', ftmSchema: 'Directorship', symmetric: false },
  member_of: { label: 'member of', category: 'membership', ftmSchema: 'Membership', symmetric: false },
  subordinate_to: { label: 'reports to', category: 'hierarchy', ftmSchema: null, symmetric: false },
  appointed_by: { label: 'appointed by', category: 'hierarchy', ftmSchema: null, symmetric: false },
  ally_of: { label: 'ally of', category: 'alliance', ftmSchema: null, symmetric: true },
  supports: { label: 'supports', category: 'support', ftmSchema: null, symmetric: false },
  opposes: { label: 'opposes', category: 'hostile', ftmSchema: null, symmetric: false },
  rival_of: { label: 'rival of', category: 'hostile', ftmSchema: null, symmetric: true },
  influences: { label: 'influences', category: 'influence', ftmSchema: null, symmetric: false },
  represents: { label: 'represents', category: 'position', ftmSchema: 'Representation', symmetric: false },
  family_of: { label: 'family of', category: 'personal', ftmSchema: 'Family', symmetric: true },
  associate_of: { label: 'associate of', category: 'personal', ftmSchema: 'Associate', symmetric: true },
  owns: { label: 'owns', category: 'position', ftmSchema: 'Ownership', symmetric: false },
  sanctioned_by: { label: 'sanctioned by', category: 'sanction', ftmSchema: 'Sanction', symmetric: false },
  participated_in: { label: 'participated in', category: 'participation', ftmSchema: null, symmetric: false },
};

/**
 * Tie types that make a post, read from the tie's source ("Karpenkov holds position in MVD"):
 * an office held, a body led, a state represented. What the profile's "Posts held" and the map's
 * "Current positions" list. Membership and reporting lines are ties, not posts.
 */
export const POST_TIE_TYPES: readonly TieType[] = ['holds_position', 'leads', 'represents'];

/** Date precision: "as of" means in effect on that day, begun on or before it. */
export const DATE_PRECISIONS = ['year', 'month', 'day', 'asof'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** NATO Admiralty code: source reliability A (completely reliable) to F (cannot be judged). */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** NATO Admiralty code: information credibility 1 (confirmed) to 6 (cannot be judged). */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];

export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

export const CLAIM_STATUSES = ['accepted', 'disputed', 'needs_review'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Whether a claim's source asserts the tie or denies it. */
export const CLAIM_STANCES = ['supports', 'refutes'] as const;
export type ClaimStance = (typeof CLAIM_STANCES)[number];

export const NAME_KINDS = ['official', 'transliteration', 'alias', 'former'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export const NOTE_VISIBILITIES = ['internal', 'public'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export const USER_ROLES = ['viewer', 'analyst', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
