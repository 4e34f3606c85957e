/** Registry files through the API (M2): import a file all or nothing; export persons, households, plans. */
import {
  exportMediaTypes,
  exportRegistryFile,
  importRegistryFile,
  maxImportBytes,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `POST /api/import`: like `corridor import FILE`; the file travels base64-encoded in JSON. */
export const importRoute = bindCommand('POST /api/import', importRegistryFile, {
  tag: 'registry files',
  description:
    'The whole file is checked first. A refused file writes nothing and answers 422 with every ' +
    'bad row (row, column, value — redacted where it is personal data — and reason) in `details`.',
  bodyLimit: Math.ceil((maxImportBytes * 4) / 3) + 64 * 1024,
  status: 200,
});

/** `GET /api/export/:what`: like `corridor export WHAT`; redacted for roles that may not see names. */
export const exportRoute = bindCommand('GET /api/export/:what', exportRegistryFile, {
  tag: 'registry files',
  description:
    'Persons files are redacted (no names, birth dates, documents, phones, notes or needs) when ' +
    'asked, and always for a role that may not see all of those. Every export is audited, and ' +
    'persons and households files are written to the disclosure log. With `destination`, only ' +
    'the cases the current allocation sends there, refused (409 `no-consent`, naming each ' +
    'person) unless everyone gave referral consent to its state.',
  params: { what: 'what' },
  file: { types: exportMediaTypes },
});
