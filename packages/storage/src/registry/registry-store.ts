/** The registry capability (M1, M3): what every interface may ask of the stored operation. */
import type {
  CaseLink,
  CaseStatus,
  Destination,
  EditablePersonField,
  IsoDate,
  Need,
  Operation,
  OperationData,
  PersonPii,
  Pledge,
  Preference,
  Tie,
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';
import type { ImportReport, RegistryFileData, RegistrySnapshot } from '@corridor/core';
import type { ImportOptions } from './import-options.js';
import type { PlanningCase, PlanningCaseOptions } from './planning-cases.js';
import type { CaseFilter, CaseList } from './find-cases.js';

/** Counts that describe the operation at a glance (`corridor status`). */
export interface OperationStatus {
  operation: { id: string; name: string; isDemo: boolean; windowStart: string; windowEnd: string };
  persons: number;
  households: number;
  destinations: number;
  byStatus: Partial<Record<CaseStatus, number>>;
  personsByStatus: Partial<Record<CaseStatus, number>>;
  pledgedPersons: number;
  pledgedCases: number;
  medicalPlaces: number;
  personsWithMedicalNeeds: number;
  linkedCases: number;
  openDuplicates: number;
}

/** One document as its holder's case shows it. */
export interface DocumentView {
  id: string;
  type: string;
  issuer: string;
  expiry: string | null;
  number: string | null;
  mrz: [string, string] | null;
}

/** One member of a household; `pii` is null once the person's key was erased. */
export interface PersonView {
  id: string;
  isHead: boolean;
  sex: string;
  birthYear: number | null;
  mergedInto: string | null;
  /** Bumped by every hand edit; an edit names the version it was based on. */
  version: number;
  pii: PersonPii | null;
  needs: Omit<Need, 'personId'>[];
  documents: DocumentView[];
}

/** One step in a case's history. */
export interface HistoryEntry {
  at: string;
  from: CaseStatus | null;
  to: CaseStatus;
  actor: string;
  role: string;
  reason: string;
  /** What a hand edit changed (ids and field names, no personal values); null for a status move. */
  change: string | null;
}

/** A person added by hand to an existing case (a newborn, say). */
export interface NewPerson {
  householdId: string;
  sex: 'F' | 'M' | 'X';
  birthYear: number | null;
  pii: PersonPii;
  needs: Omit<Need, 'personId'>[];
}

/** A correction of one person, based on the version of the record the editor saw. */
export interface PersonEdit {
  version: number;
  givenName?: string;
  familyName?: string;
  sex?: 'F' | 'M' | 'X';
  birthDate?: IsoDate | null;
  needs?: Omit<Need, 'personId'>[];
}

/** What a hand edit of a person wrote (nothing when `changed` is empty). */
export interface PersonEdited {
  personId: string;
  householdId: string;
  /** The person's version after the edit (a removed person's last one). */
  version: number;
  changed: EditablePersonField[];
  at: string;
  /** Pairs an added person opened in the duplicates review queue. */
  duplicatePairs: number;
}

/** A removal: the edit's answer, and when the removed person's key is gone from the disk too. */
export interface PersonRemoved extends PersonEdited {
  /** Whether the key generation that wrapped their key is destroyed (no copy of the disk opens it). */
  final: boolean;
  /** When it became final, or the latest time it will (the end of the erasure batch). */
  finalBy: string;
}

/**
 * Judges a status transition from the case's current status (and, for a held or missing case, the
 * status it left): returns to allow it, throws the catalogue's error to refuse it.
 */
export type TransitionCheck = (from: CaseStatus, resumeTo: CaseStatus | undefined) => void;

/** A case with everything the registry knows of it. */
export interface HouseholdView {
  id: string;
  status: CaseStatus;
  originCountry: string;
  languages: string[];
  readyDate: string | null;
  priority: number;
  mergedInto: string | null;
  version: number;
  members: PersonView[];
  links: CaseLink[];
  preferences: Omit<Preference, 'householdId'>[];
  ties: Omit<Tie, 'householdId'>[];
  history: HistoryEntry[];
}

/** A pair in the duplicates review queue. */
export interface DuplicatePair {
  id: number;
  a: string;
  b: string;
  rule: string;
  score: number;
  status: 'open' | 'merged' | 'distinct';
  decidedBy: string | null;
  note: string | null;
}

/** How a reviewer settles a duplicate pair. */
export interface DuplicateDecision {
  decision: 'merge' | 'distinct';
  /** With merge: the person kept (a or b of the pair); the other is marked merged into it. */
  keep?: string;
  note: string;
}

/** What an erasure did: the person's key is gone, their row (and so the counts) stays. */
export interface ErasedPerson {
  personId: string;
  householdId: string;
  erasedAt: string;
  /** How many of their documents became unreadable. */
  documents: number;
  /**
   * Whether the erasure is final on disk: the key generation that wrapped their key is destroyed,
   * so no copy of the data folder, its log or a later backup can unwrap it.
   */
  final: boolean;
  /** When it became final, or the latest time it will (the end of its erasure batch). */
  finalBy: string;
  /** Backups taken before the erasure that still hold the person until they expire. */
  backupsHolding: HoldingBackup[];
}

/** A backup that still holds an erased person's data. */
export interface HoldingBackup {
  id: string;
  createdAt: string;
  expiresAt: string;
  /** The key generation it was taken under. */
  generation: number;
}

/** How an erasure is finished. */
export interface EraseOptions {
  /** Make the erasure final on disk before returning (rotate the keys now, not at the batch's end). */
  now?: boolean;
}

/** The registry of one operation, stored in one database. */
export interface RegistryStore {
  /** The operation this database holds, if any. */
  operation(): Promise<Operation | undefined>;
  /** Writes a whole operation in one transaction. */
  createOperation(data: OperationData, actor: Actor): Promise<void>;
  /** Removes the operation's registry (used to replace the demo); the audit log stays. */
  deleteOperation(actor: Actor): Promise<void>;
  /** Counts for `corridor status`. */
  status(): Promise<OperationStatus>;
  /** A case with members, needs, documents, links, preferences, ties and history. */
  household(id: string): Promise<HouseholdView | undefined>;
  /**
   * Moves a case to a new status once `check` (the workflow's decision for the acting role) accepts
   * the case's current status; writes its history and the `case.move` audit event.
   */
  transitionCase(
    id: string,
    to: CaseStatus,
    reason: string,
    actor: Actor,
    check: TransitionCheck,
  ): Promise<HistoryEntry>;
  /** Finds new duplicate candidates and queues them; returns how many were added. */
  scanDuplicates(actor: Actor): Promise<number>;
  /** The review queue, optionally only pairs of one status. */
  duplicates(status?: DuplicatePair['status']): Promise<DuplicatePair[]>;
  /** Settles a pair; nothing is merged without this decision. */
  decideDuplicate(id: number, decision: DuplicateDecision, actor: Actor): Promise<DuplicatePair>;
  /** Destinations with their rules. */
  destinations(): Promise<Destination[]>;
  /** Pledges of every destination. */
  pledges(): Promise<Pledge[]>;
  /** Active cases with the given statuses as planning sees them (no personal data), with their links. */
  planningCases(
    statuses: readonly CaseStatus[],
    options?: PlanningCaseOptions,
  ): Promise<{ cases: PlanningCase[]; links: CaseLink[] }>;
  /** Adds a person to an existing case (new key, encrypted data, history, audit), in one transaction. */
  addPerson(person: NewPerson, reason: string, actor: Actor): Promise<PersonEdited>;
  /**
   * Corrects a person: refused with `stale-version` (409, both versions' values in its details)
   * when the person changed since `edit.version`; never overwrites silently.
   */
  updatePerson(id: string, edit: PersonEdit, reason: string, actor: Actor): Promise<PersonEdited>;
  /**
   * Removes a person added by mistake (not erasure): their row, key, needs and documents go, and
   * the removal is final on disk with the erasures' next key rotation (at once with `now`).
   */
  removePerson(
    id: string,
    reason: string,
    actor: Actor,
    options?: EraseOptions,
  ): Promise<PersonRemoved>;
  /**
   * Notes a decision about a case in its history without changing its status: `change` says what
   * (no personal values), the `reason` is sealed under the members' keys; audited as `action`.
   */
  noteCase(
    householdId: string,
    change: string,
    reason: string,
    actor: Actor,
    action: string,
  ): Promise<{ at: string }>;
  /** True when the case's history holds a line whose change is exactly `change`. */
  caseNoted(householdId: string, change: string): Promise<boolean>;
  /** Erases a person's personal data for good by deleting their key (admin, protection officer). */
  erasePerson(id: string, actor: Actor, options?: EraseOptions): Promise<ErasedPerson>;
  /** Validates a registry file as a whole; writes all of it in one transaction, or nothing. */
  importRecords(
    data: RegistryFileData,
    options: ImportOptions,
    actor: Actor,
  ): Promise<ImportReport>;
  /** Active cases matching a filter (exact name or document search by blind index), a page at a time. */
  findCases(filter: CaseFilter): Promise<CaseList>;
  /** The active registry, decrypted (every household or the given ones), for exports and manifests. */
  snapshot(householdIds?: readonly string[]): Promise<RegistrySnapshot>;
  /** Persons per household (merged persons left out), for plan exports. */
  householdSizes(): Promise<Map<string, number>>;
  /**
   * Per household, its active members' travel documents as dates only (no numbers): for each
   * person the latest expiry of their documents, null when they hold none.
   */
  documentValidity(householdIds: readonly string[]): Promise<Map<string, (string | null)[]>>;
}
