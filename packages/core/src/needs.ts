/** UNHCR specific-needs categories (top-level codes as used in case management). */
export const specificNeeds = {
  CR: 'Child at risk',
  DS: 'Disability',
  ER: 'Older person at risk',
  FU: 'Family unity',
  LP: 'Specific legal and physical protection needs',
  PG: 'Pregnant or lactating',
  SC: 'Unaccompanied or separated child',
  SM: 'Serious medical condition',
  SP: 'Single parent or caregiver',
  SV: 'Sexual and gender-based violence',
  TR: 'Torture',
  WR: 'Woman at risk',
} as const;
/** A UNHCR specific-needs code. */
export type NeedCode = keyof typeof specificNeeds;
/** All specific-needs codes. */
export const needCodes = Object.keys(specificNeeds) as NeedCode[];

/** Codes that require a medical place at the destination. */
export const medicalNeedCodes: readonly NeedCode[] = ['SM'];
/** Codes that require a disability place at the destination. */
export const disabilityNeedCodes: readonly NeedCode[] = ['DS'];
