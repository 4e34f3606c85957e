/** ISO 4217 currency codes in circulation and their minor units, so money is checked and shown right. */

/** Codes whose minor unit is not the usual hundredth: the number of decimals. */
const unusualDecimals: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Every active ISO 4217 code for a currency (precious metals and test codes left out). */
export const currencyCodes: readonly string[] = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT
BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP
CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR
ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL
MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT
TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER
ZAR ZMW ZWG`
  .split(/\s+/)
  .filter(Boolean);

const known = new Set(currencyCodes);

/** True when `code` is an ISO 4217 currency code in circulation (upper case, as written). */
export function isCurrency(code: string): boolean {
  return known.has(code);
}

/** How many decimals the currency's minor unit has (2 for USD: cents; 3 for IQD: fils). */
export function currencyDecimals(code: string): number {
  return unusualDecimals[code] ?? 2;
}

/** An amount in minor units written in major units with its code, e.g. `10,700,000.00 USD`. */
export function formatMoney(minor: number, code: string): string {
  const decimals = currencyDecimals(code);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${sign}${whole}${fraction} ${code}`;
}

/**
 * Reads an amount written in major units (`10700000`, `1,250.50`) as minor units of `code`;
 * null when it is not a non-negative amount with at most the currency's decimals.
 */
export function parseMoney(text: string, code: string): number | null {
  const clean = text.trim().replace(/,/g, '');
  const decimals = currencyDecimals(code);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(clean);
  if (!m || (m[2] ?? '').length > decimals) return null;
  const minor = Number(m[1]) * 10 ** decimals + Number((m[2] ?? '').padEnd(decimals, '0') || 0);
  return Number.isSafeInteger(minor) ? minor : null;
}
