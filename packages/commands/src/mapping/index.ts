/** KoBoToolbox / ODK and Primero imports through saved form mappings (issue 23 item 4). */
import type { AnyCommand } from '../define.js';
import { importForm } from './import-form.js';
import { listMappings, showMapping } from './list.js';
import { saveMapping } from './save.js';

export { importForm, listMappings, saveMapping, showMapping };
export { formImportRefusal, refusedFormReport } from './import-form.js';
export { FormImportReportOut, StoredMappingOut, type FormImportReport } from './schemas.js';

/** Every form-mapping command, for the command table. */
export const mappingCommands = [
  saveMapping,
  listMappings,
  showMapping,
  importForm,
] as unknown as readonly AnyCommand[];
