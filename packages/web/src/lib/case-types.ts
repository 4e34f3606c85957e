/** A case as `GET /api/cases/:id` shows it to a role (redacted by the server). */
import type { CommandOutput, listCases, showCase } from '@corridor/commands';

/** A case with members, links, wishes and history (`GET /api/cases/:id`), redacted for the role. */
export type CaseView = CommandOutput<typeof showCase>;

/** One member of a case. */
export type CaseMember = CaseView['members'][number];

/** `GET /api/cases` (= `corridor case list --json`): one page of rows and the total. */
export type CaseList = CommandOutput<typeof listCases>;

/** A row of the case list: no personal data. */
export type CaseRow = CaseList['cases'][number];
