/** Small schemas for path and query values, which arrive as strings (defined in core, shared with commands). */
export { wholeNumber } from '@corridor/core';
