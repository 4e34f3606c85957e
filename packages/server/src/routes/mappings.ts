/** Form mappings and KoBo / ODK / Primero imports over HTTP (issue 23 item 4). */
import {
  importForm,
  listMappings,
  maxImportBytes,
  saveMapping,
  showMapping,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'registry files';

/** `POST /api/mappings`: saves a form mapping, like `corridor mapping save FILE`. */
export const saveMappingRoute = bindCommand('POST /api/mappings', saveMapping, {
  tag,
  status: 200,
  description:
    'The body is the mapping: `{ name, source: kobo|odk|primero, households: { sheet?, key?, ' +
    'fields }, members?: { sheet, parentKey?, fields }, ignore?, values? }`; fields map export ' +
    'columns to Corridor columns (docs/import.md). A target that is no Corridor column, or one ' +
    'mapped twice, is refused (400) naming it.',
});

/** `GET /api/mappings`: the saved mappings, like `corridor mapping list`. */
export const listMappingsRoute = bindCommand('GET /api/mappings', listMappings, { tag });

/** `GET /api/mappings/:name`: one mapping, like `corridor mapping show NAME`. */
export const showMappingRoute = bindCommand('GET /api/mappings/:name', showMapping, {
  tag,
  params: { name: 'name' },
});

/** `POST /api/import/form`: like `corridor import kobo FILE --mapping NAME`, files base64-encoded. */
export const importFormRoute = bindCommand('POST /api/import/form', importForm, {
  tag,
  status: 200,
  bodyLimit: Math.ceil((maxImportBytes * 4) / 3) + 64 * 1024,
  description:
    'The body is `{ mapping, files: [{ name, content }], dryRun? }`: one XLSX or JSON export, or ' +
    'the main CSV and then each repeat group’s CSV. All or nothing: a refused export answers 422 ' +
    'with every problem (sheet, row, column, value — redacted where personal — and reason) in ' +
    '`details.problems`; an archive over the XLSX limits answers 413.',
});
