/** The passenger manifest of a movement as a file (M6): CSV, XLSX, PDF, PAXLST or JSON. */
import { generateManifest, manifestMediaTypes } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `GET /api/movements/:id/manifest`: like `corridor manifest MOVEMENT --format F`. */
export const manifestRoute = bindCommand('GET /api/movements/:id/manifest', generateManifest, {
  tag: 'movements',
  description:
    'Names, birth dates and document data are what boarding and border authorities need, so ' +
    'only roles that handle boarding may download it; each download is audited.',
  params: { id: 'movementId' },
  file: { types: manifestMediaTypes },
});
