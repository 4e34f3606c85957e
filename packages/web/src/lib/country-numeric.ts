/**
 * ISO 3166-1 numeric codes of the alpha-3 codes a relocation is likely to meet (host countries,
 * countries of origin and the region), to find a country's shape in world-atlas, which keys
 * its features by the numeric code.
 */
const table = `
ALB 008 AND 020 AUT 040 BEL 056 BGR 100 BIH 070 BLR 112 CHE 756 CYP 196 CZE 203 DEU 276
DNK 208 ESP 724 EST 233 FIN 246 FRA 250 GBR 826 GRC 300 HRV 191 HUN 348 IRL 372 ISL 352
ITA 380 LTU 440 LUX 442 LVA 428 MDA 498 MKD 807 MLT 470 MNE 499 NLD 528 NOR 578 POL 616
PRT 620 ROU 642 RUS 643 SRB 688 SVK 703 SVN 705 SWE 752 UKR 804 USA 840 CAN 124 MEX 484
BRA 076 ARG 032 CHL 152 COL 170 PER 604 URY 858 IRQ 368 IRN 364 SYR 760 JOR 400 LBN 422
ISR 376 PSE 275 TUR 792 SAU 682 ARE 784 QAT 634 KWT 414 OMN 512 YEM 887 EGY 818 AFG 004
PAK 586 IND 356 CHN 156 JPN 392 KOR 410 PHL 608 IDN 360 MYS 458 THA 764 BGD 050 LKA 144
NPL 524 KAZ 398 UZB 860 TJK 762 TKM 795 KGZ 417 ARM 051 AZE 031 GEO 268 MNG 496 VNM 704
MMR 104 SDN 729 SSD 728 ETH 231 ERI 232 SOM 706 KEN 404 UGA 800 TZA 834 RWA 646 COD 180
NGA 566 MAR 504 DZA 012 TUN 788 LBY 434 ZAF 710 CMR 120 TCD 148 MLI 466 NER 562 SEN 686
GHA 288 AUS 036 NZL 554`;

const byAlpha3 = new Map<string, string>();
const parts = table.trim().split(/\s+/);
for (let i = 0; i + 1 < parts.length; i += 2) byAlpha3.set(parts[i]!, parts[i + 1]!);

/** The ISO numeric code of an alpha-3 code, when known. */
export function numericCode(alpha3: string): string | undefined {
  return byAlpha3.get(alpha3);
}
