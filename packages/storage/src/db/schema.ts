/** The tables Corridor keeps, as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';
import type { SpecialSeats } from '@corridor/core';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
// bigint arrives as a string from pg and may arrive as a number or bigint from PGlite: read with Number().
type BigColumn = ColumnType<string | number | bigint, number, number>;

export interface MetaTable {
  key: string;
  value: string;
}

export interface OperationsTable {
  id: string;
  name: string;
  camp_name: string;
  camp_country: string;
  airport_code: string;
  timezone: string;
  window_start: DateColumn;
  window_end: DateColumn;
  is_demo: boolean;
  created_at: Timestamp;
}

export interface HouseholdsTable {
  id: string;
  status: string;
  origin_country: string;
  languages: Json<string[]>;
  ready_date: DateColumn | null;
  priority: number;
  merged_into: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonsTable {
  id: string;
  household_id: string;
  is_head: boolean;
  sex: string;
  birth_year: number | null;
  pii: Uint8Array;
  /** The record's own secret when it holds a protection note, wrapped by the keyring (0024). */
  pii_key: Generated<Uint8Array | null>;
  name_bidx: string;
  merged_into: string | null;
  erased_at: Timestamp | null;
  created_at: Timestamp;
  /** Bumped by every change of the person's record: an edit names the version it was based on. */
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface PersonKeysTable {
  person_id: string;
  wrapped: Uint8Array;
}

export interface NeedsTable {
  id: Generated<number>;
  person_id: string;
  code: string;
  severity: number;
}

export interface DocumentsTable {
  id: string;
  person_id: string;
  type: string;
  issuer: string;
  expiry: DateColumn | null;
  secret: Uint8Array;
  number_bidx: string;
  /** The document's own secret, wrapped by the keyring (0024); null: sealed under the person key alone. */
  secret_key: Generated<Uint8Array | null>;
}

export interface CaseLinksTable {
  id: Generated<number>;
  a: string;
  b: string;
  kind: string;
}

export interface PreferencesTable {
  household_id: string;
  rank: number;
  destination_id: string;
}

export interface TiesTable {
  id: Generated<number>;
  household_id: string;
  country: string;
  kind: string;
}

export interface DestinationsTable {
  id: string;
  country: string;
  name: string;
  max_household_size: number;
  medical_places: number;
  disability_places: number;
  languages: Json<string[]>;
  requires_ties: boolean;
  lead_time_days: number;
  arrival_airports: Json<string[]>;
  pauses: Json<{ from: string; to: string; reason: string }[]>;
}

export interface PledgesTable {
  id: Generated<number>;
  destination_id: string;
  period_start: DateColumn;
  period_end: DateColumn;
  persons: number;
  cases: number;
  medical_places: number;
}

/** One change of a destination's rules or of a pledge (issue 22): quotas, never personal data. */
export interface PledgeChangesTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  role: string;
  kind: 'destination' | 'pledge';
  destination_id: string;
  period_start: DateColumn | null;
  action: 'added' | 'changed' | 'removed';
  before: Json<Record<string, unknown>> | null;
  after: Json<Record<string, unknown>> | null;
  reason: string;
}

export interface CaseHistoryTable {
  id: Generated<number>;
  household_id: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  role: string;
  reason: string;
  /** A person-entered reason, sealed under its members' keys (then `reason` is empty). */
  reason_sealed: Uint8Array | null;
  reason_members: Json<string[]> | null;
  /** The reason's own secret, wrapped by the keyring (0024); null: sealed under the members' keys alone. */
  reason_key: Generated<Uint8Array | null>;
  /** What a record edit changed: ids and field names, never personal values (null for a move). */
  change: string | null;
  at: Timestamp;
}

export interface DedupPairsTable {
  id: Generated<number>;
  a_person: string;
  b_person: string;
  rule: string;
  score: number;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  note: string | null;
  /** The decision's note, sealed under both persons' keys (then `note` is null). */
  note_sealed: Uint8Array | null;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  seq: number;
  at: Timestamp;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface MovementsTable {
  id: string;
  kind: string;
  origin: string;
  destination_id: string | null;
  arrival_airport: string | null;
  depart_at: Timestamp;
  timezone: string;
  seats: number;
  baggage_kg: number;
  status: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  /** IATA airline designator or convoy operator (migration 0013). */
  carrier: string | null;
  flight_number: string | null;
  arrive_at: Timestamp | null;
  /** The offset arrive_at was given with (`Z` or `±HH:MM`), to write it back as given. */
  arrive_offset: string | null;
  /** Special places on board (migration 0022); null: none declared. */
  special_seats: Json<SpecialSeats> | null;
}

/** Candidate movements the timetable may book (migration 0025). */
export interface MovementCandidatesTable {
  id: string;
  kind: string;
  destination_id: string | null;
  seats: number;
  baggage_kg: number;
  earliest_day: DateColumn;
  latest_day: DateColumn;
  depart_time: string;
  cost_minor: BigColumn;
  currency: string;
  lead_time_days: number;
  status: Generated<string>;
  booked_movement_id: string | null;
  booked_day: DateColumn | null;
  created_at: Generated<Timestamp>;
}

export interface GroundCapacityTable {
  day: DateColumn;
  persons: number;
  vehicles: number;
  hours: string;
}

export interface PlansTable {
  id: Generated<number>;
  kind: string;
  version: number;
  status: string;
  parent_id: number | null;
  params: Json<Record<string, unknown>>;
  summary: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Timestamp;
}

export interface PlanAssignmentsTable {
  plan_id: number;
  household_id: string;
  destination_id: string | null;
  movement_id: string | null;
  locked: Generated<boolean>;
  reason: string;
}

export interface PlanLocksTable {
  household_id: string;
  destination_id: string | null;
  movement_id: string | null;
  actor: string;
  reason: string;
  at: Timestamp;
}

export interface IncidentsTable {
  id: string;
  type: string;
  at: Timestamp;
  timezone: string;
  site: string;
  lat: number | null;
  lon: number | null;
  injured: number;
  killed: number;
  source: string;
  confidence: string;
  narrative: Uint8Array | null;
  narrative_key: Uint8Array | null;
  cases: Json<string[]>;
  created_at: Timestamp;
}

export interface AssetsTable {
  id: string;
  scope: string;
  household_id: string | null;
  description: string;
  category: string;
  quantity: number;
  location: string;
  appraised_minor: BigColumn;
  currency: string;
  appraised_on: DateColumn;
  abandoned_on: DateColumn | null;
  abandon_note: string | null;
}

export interface AssetOffersTable {
  id: string;
  asset_ids: Json<string[]>;
  buyer: string;
  amount_minor: BigColumn;
  currency: string;
  date: DateColumn;
  status: string;
}

export interface AssetRestrictionsTable {
  id: string;
  asset_ids: Json<string[]>;
  imposed_by: string;
  date: DateColumn;
  permitted_fraction: number;
  price_cap_fraction: number | null;
  blocked: boolean;
  note: string | null;
}

export interface AssetSalesTable {
  id: string;
  asset_id: string;
  quantity: number;
  amount_minor: BigColumn;
  currency: string;
  date: DateColumn;
  buyer: string;
}

export interface BelongingsTable {
  id: string;
  person_id: string;
  category: string;
  description: Uint8Array;
  audit_seq: BigColumn;
  hash: string;
}

export interface CustodyEventsTable {
  item_id: string;
  seq: number;
  kind: string;
  at: Timestamp;
  detail: Uint8Array;
  actor: string;
  audit_seq: BigColumn;
  prev_hash: string;
  hash: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  role: string;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  created_by: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface RateCountersTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

/** One imported registry file (M2): its hash and what it added. */
export interface ImportsTable {
  id: Generated<number>;
  sha256: string;
  format: string;
  kind: string;
  rows: number;
  counts: Json<Record<string, unknown>>;
  actor: string;
  role: string;
  at: Timestamp;
}

/** One record of a check-in station's append-only log (M6). */
export interface CheckinEventsTable {
  station: string;
  seq: number;
  movement_id: string;
  person_id: string;
  status: string;
  at: Timestamp;
  actor: string;
  role: string;
  /** A note written before 0027 (in clear); later notes are in `note_sealed`. */
  note: string | null;
  supersedes: Json<Record<string, number>> | null;
  origin: string;
  received_at: Timestamp;
  /** The sealed note's item id (`station:seq`), the id its secret is bound to (0027). */
  item_id: Generated<string | null>;
  /** The note sealed under the person's key mixed with the record's own secret (0027). */
  note_sealed: Generated<Uint8Array | null>;
  /** That secret, wrapped by the keyring's current generation. */
  note_key: Generated<Uint8Array | null>;
}

/** Every table of the database. */
/** A webhook subscription; its signing secret sealed under a key derived from the master key. */
export interface WebhooksTable {
  id: string;
  url: string;
  events: ColumnType<string[], string, string>;
  secret_sealed: Uint8Array;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  created_by: string;
}

/** One event to deliver to one webhook: queued, retried with backoff, delivered or failed. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  msg_id: string;
  event_type: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_status: number | null;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A retention schedule an administrator set for one data category (0015). */
export interface RetentionSchedulesTable {
  category: string;
  days: number;
  after: string;
  updated_by: string;
  updated_at: Timestamp;
}

/** A legal hold on a person or a case: the retention job skips it while it is active (0015). */
export interface LegalHoldsTable {
  id: string;
  subject: string;
  subject_id: string;
  /** The reason, sealed under the key of every living person it concerns. */
  reason_sealed: Uint8Array | null;
  reason_members: Json<string[]> | null;
  placed_by: string;
  placed_at: Timestamp;
  released_by: string | null;
  released_at: Timestamp | null;
}

/** What one retention run shredded: counts and person ids per category, no personal values (0015). */
export interface RetentionReportsTable {
  id: string;
  ran_at: Timestamp;
  as_of: Timestamp;
  actor: string;
  report: Json<Record<string, unknown>>;
}

/** A check-in record shredded by retention: its station and number, nothing else (0015). */
export interface CheckinShreddedTable {
  station: string;
  seq: number;
  shredded_at: Timestamp;
}

export interface Database {
  meta: MetaTable;
  operations: OperationsTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  person_keys: PersonKeysTable;
  needs: NeedsTable;
  documents: DocumentsTable;
  case_links: CaseLinksTable;
  preferences: PreferencesTable;
  ties: TiesTable;
  destinations: DestinationsTable;
  pledges: PledgesTable;
  pledge_changes: PledgeChangesTable;
  case_history: CaseHistoryTable;
  dedup_pairs: DedupPairsTable;
  audit_events: AuditEventsTable;
  movements: MovementsTable;
  movement_candidates: MovementCandidatesTable;
  ground_capacity: GroundCapacityTable;
  plans: PlansTable;
  plan_assignments: PlanAssignmentsTable;
  plan_locks: PlanLocksTable;
  incidents: IncidentsTable;
  assets: AssetsTable;
  asset_offers: AssetOffersTable;
  asset_restrictions: AssetRestrictionsTable;
  asset_sales: AssetSalesTable;
  belongings: BelongingsTable;
  custody_events: CustodyEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_counters: RateCountersTable;
  imports: ImportsTable;
  checkin_events: CheckinEventsTable;
  jobs: JobsTable;
  key_erasures: KeyErasuresTable;
  backups: BackupsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  retention_schedules: RetentionSchedulesTable;
  legal_holds: LegalHoldsTable;
  retention_reports: RetentionReportsTable;
  checkin_shredded: CheckinShreddedTable;
  grievances: GrievancesTable;
  grievance_events: GrievanceEventsTable;
  appeals: AppealsTable;
  procedure_templates: ProcedureTemplatesTable;
  procedure_steps: ProcedureStepsTable;
  import_mappings: ImportMappingsTable;
  consents: ConsentsTable;
  lawful_bases: LawfulBasesTable;
  disclosures: DisclosuresTable;
  disclosure_persons: DisclosurePersonsTable;
  message_templates: MessageTemplatesTable;
  messages: MessagesTable;
  arrival_confirmations: ArrivalConfirmationsTable;
  arrival_links: ArrivalLinksTable;
  follow_ups: FollowUpsTable;
}

/** A case's arrival as the receiving state or partner confirmed it (migration 0021). */
export interface ArrivalConfirmationsTable {
  id: Generated<number>;
  household_id: string;
  /** The organisation that confirmed (a state's office, a partner agency), never a person. */
  partner: string;
  /** `api` (a logged-in user) or `link` (a single-use confirmation link). */
  via: string;
  arrived_on: DateColumn;
  actor: string;
  role: string;
  recorded_at: Timestamp;
}

/** A single-use arrival confirmation link: only the SHA-256 of its token is kept. */
export interface ArrivalLinksTable {
  id: string;
  token_hash: string;
  household_id: string;
  partner: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_by: string;
  created_role: string;
  created_at: Timestamp;
}

/** A follow-up contact due 1, 3 or 12 months after arrival, and its outcome once made. */
export interface FollowUpsTable {
  id: Generated<number>;
  household_id: string;
  month: number;
  due_on: DateColumn;
  done_on: DateColumn | null;
  outcome: string | null;
  actor: string | null;
  role: string | null;
  recorded_at: Timestamp | null;
}

/** Consent per person and purpose (migration 0014); `state` is '' for purposes without one. */
export interface ConsentsTable {
  id: string;
  person_id: string;
  household_id: string;
  purpose: string;
  state: Generated<string>;
  decision: string;
  date: string;
  /** The note, sealed under the person's data key; null when none was given. */
  note_sealed: Uint8Array | null;
  actor: string;
  recorded_at: Timestamp;
  seq: Generated<BigColumn>;
}

/** A basis other than consent the operation declared for a purpose (migration 0014). */
export interface LawfulBasesTable {
  id: string;
  purpose: string;
  state: Generated<string>;
  basis: string;
  /** Why, about the operation (never about a person). */
  reason: string;
  actor: string;
  recorded_at: Timestamp;
  seq: Generated<BigColumn>;
}

/** One disclosure of personal data: what left, to whom, by whom (migration 0014). */
export interface DisclosuresTable {
  id: string;
  at: Timestamp;
  actor: string;
  role: string;
  kind: string;
  format: string | null;
  recipient: string;
  subject: string | null;
  purpose: string | null;
  persons: number;
  seq: Generated<BigColumn>;
}

/** The persons a disclosure carried (migration 0014). */
export interface DisclosurePersonsTable {
  disclosure_id: string;
  person_id: string;
  household_id: string;
}

type NullableJson = ColumnType<
  Record<string, unknown> | null,
  string | null | undefined,
  string | null
>;

/** Durable jobs (migration 0008). */
export interface JobsTable {
  id: string;
  kind: string;
  status: string;
  params: Json<Record<string, unknown>>;
  progress: NullableJson;
  result: NullableJson;
  error: NullableJson;
  attempts: Generated<number>;
  cancel_requested: Generated<boolean>;
  worker: string | null;
  heartbeat_at: Timestamp | null;
  created_by: string;
  created_role: string;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** When the run saved its plan (migration 0009); a cancel is refused from then on. */
  saved_at: Timestamp | null;
  /** The input is sealed (migration 0026): `params` is empty, the input is in `sealed_input`. */
  input_sealed: Generated<boolean>;
  /** The data key of the sealed input, wrapped by a keyring generation; null once the job ended. */
  input_key: Uint8Array | null;
  /** The input as JSON, AES-256-GCM under `input_key`; null once the job ended. */
  sealed_input: Uint8Array | null;
}

/** An erasure and when it became final: the generation that wrapped the key was destroyed (0010). */
export interface KeyErasuresTable {
  person_id: string;
  erased_at: Timestamp;
  final_at: Timestamp | null;
  destroyed_generation: number | null;
  /** Why the key goes (0024): `erase` (person_id is the person), `remove`, `shred` (a retention report's id). */
  kind: Generated<string>;
}

/** A backup taken, with the key generation it was taken under and when it expires (0010). */
export interface BackupsTable {
  id: string;
  created_at: Timestamp;
  kek_generation: number;
  bytes: number;
  sha256: string;
  expires_at: Timestamp;
}

/** Complaints per case (migration 0016); the words are sealed under the case members' keys. */
export interface GrievancesTable {
  id: string;
  seq: number;
  household_id: string;
  channel: string;
  category: string;
  urgency: string;
  confidential: boolean;
  status: string;
  text_sealed: Uint8Array | null;
  /** The members whose keys sealed the text (and every answer to it). */
  text_members: Json<string[]> | null;
  received_at: Timestamp;
  due_at: Timestamp;
  created_by: string;
  created_role: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A grievance's history: filed, status changes, answers (sealed like the complaint). */
export interface GrievanceEventsTable {
  id: Generated<number>;
  grievance_id: string;
  kind: string;
  from_status: string | null;
  to_status: string;
  text_sealed: Uint8Array | null;
  actor: string;
  role: string;
  at: Timestamp;
}

/** Appeals against an allocation (migration 0016): grounds and reasons sealed; the explanation has no personal data. */
export interface AppealsTable {
  id: string;
  seq: number;
  household_id: string;
  status: string;
  grounds_sealed: Uint8Array | null;
  grounds_members: Json<string[]> | null;
  requested_destination_id: string | null;
  plan_id: number;
  destination_id: string | null;
  explanation: Json<Record<string, unknown>>;
  filed_by: string;
  filed_role: string;
  filed_at: Timestamp;
  reason_sealed: Uint8Array | null;
  decided_by: string | null;
  decided_role: string | null;
  decided_at: Timestamp | null;
  new_destination_id: string | null;
  new_plan_id: number | null;
}

/** A destination state's procedure template (migration 0017). */
export interface ProcedureTemplatesTable {
  state: string;
  steps: Json<{ step: string; typicalDays: number; expires: boolean; required: boolean }[]>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string;
}

/** One step of a case's procedure with one state (migration 0017); the note is sealed. */
export interface ProcedureStepsTable {
  household_id: string;
  state: string;
  step: string;
  date: DateColumn | null;
  outcome: string;
  expires: DateColumn | null;
  note_sealed: Uint8Array | null;
  /** The persons whose keys sealed the note (any one erased makes it unreadable). */
  note_members: ColumnType<string[] | null, string | null, string | null>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string;
}

/** A message template per purpose and language (migration 0019): ICU MessageFormat text. */
export interface MessageTemplatesTable {
  purpose: string;
  language: string;
  subject: string;
  body: string;
  updated_at: Timestamp;
  updated_by: string;
}

/** One message to a household (migration 0019): ids, status and reason only, no address or text. */
export interface MessagesTable {
  id: string;
  seq: Generated<BigColumn>;
  batch: string;
  household_id: string;
  person_id: string | null;
  movement_id: string | null;
  purpose: string;
  language: string | null;
  channel: string | null;
  status: string;
  reason: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  created_by: string;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  disclosure_id: string | null;
  /** The facts the send was given (migration 0023), to render the message again when delivering. */
  facts: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  /** The delivery worker holding the line while `sending`. */
  claimed_by: string | null;
  claimed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the channel's delivery receipt came (`delivered` or `undelivered`). */
  receipt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A saved form mapping (migration 0020): columns of an export → Corridor columns. */
export interface ImportMappingsTable {
  name: string;
  source: string;
  definition: Json<unknown>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string;
}
