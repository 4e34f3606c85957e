/** The language of this run of the CLI: `--lang`, else LC_ALL, LC_MESSAGES, LANG; English by default. */
import { localeOfEnvironment, type Locale } from '@corridor/core';

let current: Locale | null = null;

/** Fixes the run's language once the global options are read (`--lang` wins over the environment). */
export function setCliLocale(flag: string | undefined): Locale {
  current = localeOfEnvironment(process.env, flag);
  return current;
}

/** The run's language: the one set from the options, else the environment's. */
export function cliLocale(): Locale {
  return current ?? localeOfEnvironment(process.env);
}
