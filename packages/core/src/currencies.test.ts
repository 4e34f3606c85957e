import { describe, expect, it } from 'vitest';
import { currencyDecimals, formatMoney, isCurrency, parseMoney } from './currencies.js';

describe('currencies', () => {
  it('knows ISO 4217 codes and their minor units', () => {
    expect(['USD', 'EUR', 'IQD', 'JPY', 'SEK'].every(isCurrency)).toBe(true);
    expect(['usd', 'US', 'XYZ', 'XAU', ''].some(isCurrency)).toBe(false);
    expect([currencyDecimals('USD'), currencyDecimals('IQD'), currencyDecimals('JPY')]).toEqual([
      2, 3, 0,
    ]);
  });

  it('reads amounts in major units as minor units, refusing negatives and extra decimals', () => {
    expect(parseMoney('10,700,000', 'USD')).toBe(1_070_000_000);
    expect(parseMoney('1250.5', 'USD')).toBe(125_050);
    expect(parseMoney('1.234', 'IQD')).toBe(1234);
    expect(parseMoney('500', 'JPY')).toBe(500);
    for (const bad of ['-1', '1.234', '1e3', '', 'ten', '99999999999999999'])
      expect(parseMoney(bad, 'USD')).toBeNull();
    expect(parseMoney('1.5', 'JPY')).toBeNull();
  });

  it('writes minor units back with grouping and the code', () => {
    expect(formatMoney(1_070_000_000, 'USD')).toBe('10,700,000.00 USD');
    expect(formatMoney(5, 'USD')).toBe('0.05 USD');
    expect(formatMoney(1234, 'IQD')).toBe('1.234 IQD');
    expect(formatMoney(0, 'JPY')).toBe('0 JPY');
  });
});
