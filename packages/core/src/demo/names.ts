/** Invented, neutral names in several language styles for synthetic demo persons. */
import type { Random } from '../random.js';

const given = {
  F: [
    'Amal',
    'Leyla',
    'Nasrin',
    'Dilan',
    'Hana',
    'Mina',
    'Sara',
    'Zeynep',
    'Parisa',
    'Rana',
    'Aylin',
    'Nour',
    'Shirin',
    'Farah',
    'Lina',
    'Roya',
    'Selin',
    'Yasmin',
    'Nadia',
    'Mariam',
    'Soraya',
    'Dunya',
    'Elif',
    'Tara',
    'Azadeh',
    'Hawre',
    'Jiyan',
    'Laleh',
    'Rojin',
    'Samira',
  ],
  M: [
    'Arman',
    'Karim',
    'Dara',
    'Emre',
    'Farid',
    'Omid',
    'Samir',
    'Baran',
    'Kian',
    'Nabil',
    'Rami',
    'Yusuf',
    'Hamid',
    'Jalal',
    'Kamran',
    'Levent',
    'Majid',
    'Navid',
    'Ozan',
    'Reza',
    'Sina',
    'Tarek',
    'Zana',
    'Aras',
    'Behzad',
    'Cemal',
    'Dilshad',
    'Hiwa',
    'Ilyas',
    'Payam',
  ],
} as const;

const stems = [
  'Kar',
  'Dan',
  'Mor',
  'Sal',
  'Bah',
  'Far',
  'Nur',
  'Raz',
  'Tal',
  'Zer',
  'Hal',
  'Jam',
  'Kes',
  'Lor',
  'Mah',
  'Nas',
  'Pir',
  'Ros',
  'Sam',
  'Tor',
  'Val',
  'Yas',
  'Dar',
  'Gol',
  'Hes',
  'Ist',
];
const middles = ['a', 'e', 'i', 'o', 'u', 'an', 'ar', 'el', 'im', 'ob', 'ur', ''];
const endings = [
  'zadeh',
  'pour',
  'nia',
  'i',
  'avi',
  'ani',
  'oglu',
  'demir',
  'yan',
  'ari',
  'emi',
  'ov',
];

/** An invented family name: a stem, a joint and an ending from one of several naming traditions. */
export function familyName(random: Random): string {
  return random.pick(stems) + random.pick(middles) + random.pick(endings);
}

/** A given name common across several languages of the region, for a person of sex F or M. */
export function givenName(random: Random, sex: 'F' | 'M'): string {
  return random.pick(given[sex]);
}

/** Changes one letter, as a second registration with a typo would. */
export function misspell(random: Random, name: string): string {
  if (name.length < 4) return name + 'h';
  const i = random.int(1, name.length - 2);
  const swap = name[i + 1] as string;
  return name.slice(0, i) + swap + (name[i] as string) + name.slice(i + 2);
}
