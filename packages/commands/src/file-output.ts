/** Commands that answer a file (exports, manifests, PDFs): the bytes, their media type and name. */
import { z } from 'zod';

/** The bytes of a file a command answers. */
export const FileContent = z.custom<Buffer>((v) => Buffer.isBuffer(v), 'file content');

/**
 * A file command's output: the file, and a summary of what it holds (what the CLI prints; the API
 * sends the file alone, named `filename`, as `contentType`).
 */
export function fileOutput<S extends z.ZodType>(summary: S) {
  return z.object({ filename: z.string(), contentType: z.string(), content: FileContent, summary });
}

/** What every file command's output holds. */
export interface FileAnswer {
  filename: string;
  contentType: string;
  content: Buffer;
  summary: unknown;
}

/** True when `command`'s output is a file (made by `fileOutput`). */
export function answersFile(output: z.ZodType): boolean {
  return output instanceof z.ZodObject && 'content' in output.shape && 'summary' in output.shape;
}
