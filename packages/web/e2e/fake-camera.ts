/**
 * A camera for the browser tests: a Y4M video whose every frame shows one QR code, for Chromium's
 * `--use-file-for-fake-video-capture` (it loops the file as the camera's picture).
 */
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

/** Writes `file`: 640×480, ten frames of `text` as a QR code of 8 px modules on white. */
export function qrVideo(text: string, file: string): void {
  const width = 640;
  const height = 480;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const px = 8;
  const side = (modules.size + 8) * px;
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  // Luma: 235 white, 16 black (video range); chroma 128 (no colour).
  const luma = Buffer.alloc(width * height, 235);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      for (let y = 0; y < px; y++) {
        const row = top + (r + 4) * px + y;
        luma.fill(16, row * width + left + (c + 4) * px, row * width + left + (c + 5) * px);
      }
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
}
