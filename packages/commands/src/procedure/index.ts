/** Host-state procedures (issue 21): templates per state, steps per case, their import. */
import type { AnyCommand } from '../define.js';
import { importProcedures } from './import.js';
import { listProcedures, ListedOut } from './list.js';
import { recordProcedureStep, RecordOut } from './record.js';
import { StandingOut, StepOut, TemplateOut } from './schemas.js';
import { showProcedures } from './show.js';
import { setProcedureTemplate } from './template-set.js';
import { showProcedureTemplate } from './template-show.js';

export {
  importProcedures,
  listProcedures,
  ListedOut,
  recordProcedureStep,
  RecordOut,
  setProcedureTemplate,
  showProcedures,
  showProcedureTemplate,
  StandingOut,
  StepOut,
  TemplateOut,
};
export { procedureBounds } from './bounds.js';

/** Every procedure command, for the command table. */
export const procedureCommands = [
  showProcedureTemplate,
  setProcedureTemplate,
  recordProcedureStep,
  showProcedures,
  listProcedures,
  importProcedures,
] as unknown as readonly AnyCommand[];
