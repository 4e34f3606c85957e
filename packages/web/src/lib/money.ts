/** Money in minor units, written as core writes it (imported from its own module). */
export { formatMoney } from '../../../core/src/currencies.js';
