/** File answers (manifests, exports, reports): bytes with a media type and a download name. */
import { z } from 'zod';

/** What a file route's handler returns. */
export const FileReplySchema = z.object({
  content: z.custom<Buffer>((v) => Buffer.isBuffer(v), 'file content'),
  contentType: z.string(),
  filename: z.string(),
});
/** A file to send. */
export type FileReply = z.infer<typeof FileReplySchema>;

/** A download name safe in a Content-Disposition header. */
export function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'download';
}
