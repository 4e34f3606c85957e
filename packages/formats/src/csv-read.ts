/** Reads CSV files as a stream of rows, numbered as a spreadsheet numbers them. */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { errors, type RawRow } from '@corridor/core';
import { parse } from 'csv-parse';
import { restoreFormula } from './formula-guard.js';

function firstLine(input: string | Buffer): string {
  let head: Buffer;
  if (typeof input === 'string') {
    const fd = openSync(input, 'r');
    try {
      head = Buffer.alloc(65_536);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } else head = input.subarray(0, 65_536);
  return head.toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

/** The delimiter of the header line: comma unless semicolons or tabs clearly dominate. */
export function sniffDelimiter(line: string): string {
  const outside = line.replace(/"[^"]*"/g, '');
  const count = (ch: string) => outside.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((d) => ({ d, n: count(d) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0]!.n > 0 ? candidates[0]!.d : ',';
}

/**
 * Streams the rows of a CSV file (a path or the file's bytes): UTF-8, an optional byte-order
 * mark, comma, semicolon or tab separated. Row k is the k-th record, blank ones included, so the
 * numbers match what a spreadsheet shows even when a quoted cell spans lines. The apostrophe
 * Corridor's exports put before a formula-like cell is taken off again.
 */
export async function* readCsvRows(input: string | Buffer): AsyncGenerator<RawRow> {
  const source = typeof input === 'string' ? createReadStream(input) : Readable.from([input]);
  const parser = source.pipe(
    parse({
      bom: true,
      delimiter: sniffDelimiter(firstLine(input)),
      relax_column_count: true,
      skip_empty_lines: false,
    }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record.map(restoreFormula) };
    }
  } catch (error) {
    throw errors.invalidInput(
      `the CSV file cannot be read after row ${row}: ${(error as Error).message}`,
    );
  } finally {
    source.destroy();
  }
}
